/** The built app served on loopback, and what the benchmark needs to know about the package it measures. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { csvParse } from 'd3';
import { preview } from 'vite';

export interface Served {
  base: string;
  /** Bytes written to all sockets so far, headers included: what went over the wire. */
  bytesSent(): number;
  close(): Promise<void>;
}

/**
 * `vite preview` of dist/ on a free loopback port, with the packages of `dataDir` at /data/: the production server
 * (precompressed files, cache headers, CSP; scripts/vite-plugin-production.ts).
 */
export async function serve(root: string, dataDir: string): Promise<Served> {
  // The datasets plugin reads the folder from the environment when the config is loaded.
  process.env.GEBIEDSKOMPAS_DATA_DIR = resolve(dataDir);
  const server = await preview({
    root,
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'silent',
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('vite preview did not report a URL');
  const open = new Set<Socket>();
  let closed = 0;
  server.httpServer.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => {
      closed += socket.bytesWritten;
      open.delete(socket);
    });
  });
  const bytesSent = () => closed + [...open].reduce((sum, s) => sum + s.bytesWritten, 0);
  return { base, bytesSent, close: () => server.close() };
}

export interface PackageInfo {
  id: string;
  dir: string;
  partitioned: boolean;
  indicators: string[];
  periods: number[];
  defaultIndicator: string;
  defaultPeriod: number;
  /** Per indicator, the periods it has data for (partitioned packages list them; otherwise every period). */
  periodsOf(indicator: string): number[];
  diskBytes: number;
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    total += stat.isDirectory() ? dirBytes(path) : stat.size;
  }
  return total;
}

export function packageInfo(dataDir: string, id: string): PackageInfo {
  const dir = join(resolve(dataDir), id);
  if (!existsSync(join(dir, 'dataset.json')))
    throw new Error(
      `no package ${id} in ${dataDir}` +
        (id === 'national' ? ' (write it with `npm run generate:national`, or use --quick for the demo)' : ''),
    );
  const meta = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as {
    periods: number[];
    default_indicator: string;
    default_period: number;
    layout?: string;
    indicator_periods?: Record<string, number[]>;
  };
  const indicators = csvParse(readFileSync(join(dir, 'indicators.csv'), 'utf8')).map((r) => r.id ?? '');
  return {
    id,
    dir,
    partitioned: meta.layout === 'partitioned',
    indicators,
    periods: meta.periods,
    defaultIndicator: meta.default_indicator,
    defaultPeriod: meta.default_period,
    periodsOf: (indicator) => meta.indicator_periods?.[indicator] ?? meta.periods,
    diskBytes: dirBytes(dir),
  };
}
