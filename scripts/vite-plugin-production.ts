import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * The policy the production server sends with every response (issue 16). Only the app's own origin; DuckDB needs
 * 'wasm-unsafe-eval' to compile its wasm, and workers may come from blob: URLs. No inline script. Inline styles
 * stay allowed because Observable Plot writes a <style> element into every chart it draws.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.wasm',
  '.json',
  '.webmanifest',
  '.geojson',
  '.csv',
  '.arrow',
  '.svg',
  '.txt',
]);
/** Below this a compressed copy saves less than a packet. */
const MIN_BYTES = 1024;
/** Brotli's best quality takes minutes on the 34 MB wasm; above this size a fast quality is used (cached anyway). */
const BROTLI_MAX_QUALITY_BYTES = 2 * 1024 * 1024;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

function brotli(body: Buffer): Buffer {
  const quality = body.length <= BROTLI_MAX_QUALITY_BYTES ? 11 : 5;
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** Compressed copies keyed by content, so a rebuild does not compress the unchanged wasm again. */
function compressCached(body: Buffer, encoding: 'br' | 'gz', cacheDir: string): Buffer {
  const key = createHash('sha256').update(body).digest('hex');
  const path = join(cacheDir, `${key}.${encoding}`);
  if (existsSync(path)) return readFileSync(path);
  const out = encoding === 'br' ? brotli(body) : gzipSync(body, { level: 9 });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(path, out);
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Writes `<file>.br` and `<file>.gz` next to every compressible file of `dir` that they make smaller. */
export function precompress(dir: string, cacheDir: string): { files: number; raw: number; br: number } {
  const totals = { files: 0, raw: 0, br: 0 };
  for (const path of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(extname(path))) continue;
    const body = readFileSync(path);
    if (body.length < MIN_BYTES) continue;
    for (const encoding of ['br', 'gz'] as const) {
      const packed = compressCached(body, encoding, cacheDir);
      if (packed.length < body.length) writeFileSync(`${path}.${encoding}`, packed);
      if (encoding === 'br') totals.br += Math.min(packed.length, body.length);
    }
    totals.files += 1;
    totals.raw += body.length;
  }
  return totals;
}

/** The encodings the client accepts, best first, among those we have (q=0 refuses one). */
export function acceptedEncodings(header: string | undefined): ('br' | 'gzip')[] {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(ok);
}

/** Cache policy: hashed build output is immutable; the page, the service worker, the manifest and data revalidate. */
export function cacheControl(relPath: string): string {
  return relPath.startsWith('assets/') ? IMMUTABLE : 'no-cache';
}

/** A file version's ETag, per encoding (each variant is its own representation): size and modification time. */
function fileEtag(stat: { size: number; mtimeMs: number }, encoding: string | undefined): string {
  return `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ''}"`;
}

/**
 * Sends `path` (a file of the build or of a package) with the precompressed sibling the client accepts, its own
 * Content-Type, `Vary: Accept-Encoding`, an ETag per variant and the cache policy.
 */
export function sendFile(req: IncomingMessage, res: ServerResponse, path: string, cache: string): void {
  const variants = { br: `${path}.br`, gzip: `${path}.gz` } as const;
  const encoding = acceptedEncodings(req.headers['accept-encoding']).find((e) => existsSync(variants[e]));
  const file = encoding ? variants[encoding] : path;
  const stat = statSync(file);
  const etag = fileEtag(stat, encoding);
  res.setHeader('Content-Type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', cache);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', etag);
  if (encoding) res.setHeader('Content-Encoding', encoding);
  if (req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader('Content-Length', stat.size);
  res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
}

/** Serves the build folder itself: every file of it (data/ is left to the datasets plugin, which reads it live). */
function serveBuild(outDir: () => string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const rel = (pathname.endsWith('/') ? `${pathname}index.html` : pathname).replace(/^\/+/, '');
    if (rel.startsWith('data/')) return next();
    const root = outDir();
    const path = resolve(root, rel);
    if (!path.startsWith(root + sep) || /\.(br|gz)$/.test(path) || !existsSync(path) || !statSync(path).isFile())
      return next();
    sendFile(req, res, path, cacheControl(rel));
  };
}

/**
 * Production serving (issue 15): the build writes brotli and gzip copies of the app, the wasm and the copied
 * packages; `vite preview` serves them negotiated from Accept-Encoding with the right types, cache headers and the
 * Content-Security-Policy. The README gives the same settings for nginx and Apache.
 */
export function productionPlugin(root: string): Plugin {
  let outDir = join(root, 'dist');
  let publicDir = '';
  return {
    name: 'gebiedskompas-production',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      publicDir = config.publicDir;
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveBuild(() => outDir));
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const sw = bundle['sw.js'];
        if (sw?.type !== 'chunk') return;
        // The service worker precaches the app: every file of the build except the benchmark's baseline page, the
        // worker itself, and the public/ files (manifest, icons) copied beside them.
        const baseline = new Set(
          Object.values(bundle).flatMap((f) =>
            f.type === 'chunk' && f.facadeModuleId?.includes('/src/baseline/')
              ? [f.fileName, ...(f.viteMetadata?.importedCss ?? [])]
              : [],
          ),
        );
        const files = [
          ...Object.keys(bundle).filter(
            (name) => name !== 'sw.js' && !name.startsWith('src/') && !baseline.has(name) && !name.endsWith('.map'),
          ),
          ...(publicDir && existsSync(publicDir)
            ? filesUnder(publicDir).map((p) => relative(publicDir, p).split(sep).join('/'))
            : []),
        ].sort();
        const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
        const manifest = JSON.stringify(JSON.stringify({ version, files }));
        // The minifier may quote it with ', " or `; the JSON text goes in as a "-quoted literal.
        const placeholder = /(["'`])__GK_PRECACHE_MANIFEST__\1/;
        if (!placeholder.test(sw.code)) this.error('sw.js: precache placeholder not found');
        sw.code = sw.code.replace(placeholder, manifest);
      },
    },
    closeBundle: {
      order: 'post',
      handler() {
        // After the datasets plugin has copied the packages into data/ (its closeBundle is synchronous).
        const totals = precompress(outDir, join(root, 'node_modules', '.cache', 'gebiedskompas-precompress'));
        console.log(
          `precompressed ${totals.files} files: ${(totals.raw / 1048576).toFixed(1)} MB → ${(totals.br / 1048576).toFixed(1)} MB brotli`,
        );
      },
    },
  };
}

/**
 * Live compression is fast, not small: brotli's best quality takes ~200 ms on a 100 KB area file, which a click
 * waited for (and a national package has ~40 000 of them, each asked for once). Quality 5 takes ~2 ms and is
 * within ~25 % of it, as nginx's on-the-fly brotli (default quality 6) and gzip (level 1–6) trade it too.
 */
const LIVE_BROTLI_QUALITY = 5;
const LIVE_GZIP_LEVEL = 6;
/** Compressed live files kept in memory, least recently sent dropped first (the baseline reads a whole package). */
const LIVE_CACHE_BYTES = 256 * 1024 * 1024;
const liveCache = new Map<string, { key: string; body: Buffer }>();
let liveCacheBytes = 0;

function compressLive(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  // The async zlib calls run on libuv's thread pool, so one file's compression does not hold up other requests.
  return new Promise((done, fail) => {
    const callback = (error: Error | null, out: Buffer) => (error ? fail(error) : done(out));
    if (encoding === 'gzip') gzip(body, { level: LIVE_GZIP_LEVEL }, callback);
    else
      brotliCompress(
        body,
        {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: LIVE_BROTLI_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        },
        callback,
      );
  });
}

async function liveCompressed(path: string, key: string, encoding: 'br' | 'gzip', raw: Buffer): Promise<Buffer> {
  const id = `${encoding}:${path}`;
  const hit = liveCache.get(id);
  if (hit?.key === key) {
    liveCache.delete(id);
    liveCache.set(id, hit);
    return hit.body;
  }
  const body = await compressLive(raw, encoding);
  if (hit) liveCacheBytes -= hit.body.length;
  liveCache.delete(id);
  liveCache.set(id, { key, body });
  liveCacheBytes += body.length;
  for (const [oldest, entry] of liveCache) {
    if (liveCacheBytes <= LIVE_CACHE_BYTES) break;
    liveCache.delete(oldest);
    liveCacheBytes -= entry.body.length;
  }
  return body;
}

/**
 * Sends a live package file (preview reads packages from the data folder, where no precompressed copies exist):
 * compressed on the fly for the one encoding the client takes, kept per file version.
 */
export async function sendLiveFile(req: IncomingMessage, res: ServerResponse, path: string, cache: string) {
  try {
    const stat = statSync(path);
    const key = `${stat.size}-${stat.mtimeMs}`;
    const encoding = stat.size >= MIN_BYTES ? acceptedEncodings(req.headers['accept-encoding'])[0] : undefined;
    res.setHeader('Content-Type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', cache);
    res.setHeader('Vary', 'Accept-Encoding');
    const etag = fileEtag(stat, encoding);
    res.setHeader('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const raw = await readFile(path);
    const body = encoding ? await liveCompressed(path, key, encoding, raw) : raw;
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (error) {
    if (!res.headersSent) res.statusCode = 500;
    res.end();
    console.error(`serving ${path}: ${(error as Error).message}`);
  }
}
