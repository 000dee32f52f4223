import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { CONTENT_TYPES, sendLiveFile } from './vite-plugin-production.ts';

/**
 * A path inside a package: plain segments (a partitioned package has geo/ and obs/ folders), a known extension;
 * nothing else under `data/` is served.
 */
const PACKAGE_PATH =
  /^(?:[A-Za-z0-9_%-][A-Za-z0-9_.%-]{0,127}\/){0,3}[A-Za-z0-9_%-][A-Za-z0-9_.%-]{0,127}\.(json|geojson|csv|arrow)$/;

function isPackagePath(path: string): boolean {
  return PACKAGE_PATH.test(path) && !path.split('/').some((segment) => segment.startsWith('.'));
}

/** Every servable file of a package folder, as paths relative to it. */
function packageFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, prefix))) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) {
      if (!name.startsWith('.')) out.push(...packageFiles(dir, rel));
    } else if (isPackagePath(rel)) out.push(rel);
  }
  return out;
}
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export interface DatasetListEntry {
  id: string;
  title: { nl: string; en: string };
}

/** Every folder of `dir` with a readable dataset.json, sorted with the demo first. */
export function listDatasets(dir: string): DatasetListEntry[] {
  if (!existsSync(dir)) return [];
  const entries: DatasetListEntry[] = [];
  for (const id of readdirSync(dir)) {
    const meta = join(dir, id, 'dataset.json');
    if (!ID.test(id) || !existsSync(meta)) continue;
    try {
      const parsed = JSON.parse(readFileSync(meta, 'utf8')) as { title?: { nl?: string; en?: string } };
      const nl = String(parsed.title?.nl ?? id);
      entries.push({ id, title: { nl, en: String(parsed.title?.en ?? nl) } });
    } catch {
      // A broken dataset.json is still listed, so that opening it shows the validation message.
      entries.push({ id, title: { nl: id, en: id } });
    }
  }
  return entries.sort((a, b) => (a.id === 'demo' ? -1 : b.id === 'demo' ? 1 : a.id.localeCompare(b.id)));
}

function serve(dir: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/data\/(?:index\.json|([^/]+)\/(.+))$/.exec(url.pathname);
    if (!match) return next();
    if (!match[1]) {
      res.setHeader('Content-Type', CONTENT_TYPES['.json']!);
      res.setHeader('Cache-Control', 'no-cache');
      res.end(JSON.stringify(listDatasets(dir)));
      return;
    }
    const [, id, file] = match;
    const path = join(dir, id!, file!);
    if (!ID.test(id!) || !isPackagePath(file!) || !existsSync(path) || !statSync(path).isFile()) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    // Compressed for the client, with Vary and an ETag (scripts/vite-plugin-production.ts).
    void sendLiveFile(req, res, path, 'no-cache');
  };
}

/**
 * Serves the dataset packages of `data/` (or $GEBIEDSKOMPAS_DATA_DIR) at `/data/<id>/<file>`, with
 * `/data/index.json` listing them; in dev and preview they are read live, so an imported package shows up without
 * a rebuild. The build copies them into `dist/data/`.
 */
export function datasetsPlugin(root: string): Plugin {
  const dir = resolve(process.env.GEBIEDSKOMPAS_DATA_DIR ?? join(root, 'data'));
  let outDir = join(root, 'dist');
  return {
    name: 'gebiedskompas-datasets',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(serve(dir));
    },
    configurePreviewServer(server) {
      server.middlewares.use(serve(dir));
    },
    closeBundle() {
      const list = listDatasets(dir);
      for (const { id } of list) {
        for (const file of packageFiles(join(dir, id))) {
          const to = join(outDir, 'data', id, file);
          mkdirSync(dirname(to), { recursive: true });
          copyFileSync(join(dir, id, file), to);
        }
      }
      mkdirSync(join(outDir, 'data'), { recursive: true });
      // Written last: a static host then lists exactly what was copied.
      writeFileSync(join(outDir, 'data', 'index.json'), JSON.stringify(list));
    },
  };
}
