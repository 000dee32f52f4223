import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  acceptedEncodings,
  CONTENT_SECURITY_POLICY,
  CONTENT_TYPES,
  cacheControl,
  IMMUTABLE,
  precompress,
  sendLiveFile,
} from '../../scripts/vite-plugin-production.ts';

describe('the production server (scripts/vite-plugin-production.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gk-precompress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('negotiates brotli before gzip and honours q=0', () => {
    expect(acceptedEncodings('gzip, deflate, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=1.0, br;q=0')).toEqual(['gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*;q=0, gzip')).toEqual(['gzip']);
  });

  it('caches hashed assets for a year and revalidates the rest', () => {
    expect(cacheControl('assets/main-2_q-6wT3.js')).toBe(IMMUTABLE);
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
    for (const path of ['index.html', 'sw.js', 'manifest.webmanifest', 'data/demo/observations.csv'])
      expect(cacheControl(path)).toBe('no-cache');
    expect(CONTENT_TYPES['.wasm']).toBe('application/wasm');
  });

  it('allows only the own origin, wasm compilation and workers from blob:, no inline or eval script', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('writes .br and .gz copies that decode to the file, and leaves small or binary files alone', () => {
    const big = Buffer.from('const gebied = "wijk";\n'.repeat(500));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'main.js'), big);
    writeFileSync(join(dir, 'tiny.json'), '{}');
    writeFileSync(join(dir, 'icon.png'), Buffer.alloc(4096));
    const totals = precompress(dir, join(dir, '.cache'));
    expect(totals.files).toBe(1);
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets', 'main.js.br')))).toEqual(big);
    expect(gunzipSync(readFileSync(join(dir, 'assets', 'main.js.gz')))).toEqual(big);
    expect(readFileSync(join(dir, 'assets', 'main.js.br')).length).toBeLessThan(big.length / 10);
    expect(existsSync(join(dir, 'tiny.json.br'))).toBe(false);
    expect(existsSync(join(dir, 'icon.png.br'))).toBe(false);
  });

  it('sends a live package file compressed for the encoding asked, revalidates it, and sends a changed file anew', async () => {
    const file = join(dir, 'area.json');
    const first = Buffer.from(
      JSON.stringify({ rows: Array.from({ length: 400 }, (_, i) => ({ wijk: `WK${i}`, v: i })) }),
    );
    writeFileSync(file, first);
    const server = createServer((req, res) => void sendLiveFile(req, res, file, 'no-cache'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const get = (headers: Record<string, string>) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
        request({ host: '127.0.0.1', port, path: '/', headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', fail)
          .end();
      });
    try {
      const br = await get({ 'accept-encoding': 'gzip, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('no-cache');
      expect(br.headers.vary).toBe('Accept-Encoding');
      expect(brotliDecompressSync(br.body)).toEqual(first);
      expect(br.body.length).toBeLessThan(first.length / 4);
      const gz = await get({ 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body)).toEqual(first);
      const plain = await get({});
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toEqual(first);
      const again = await get({ 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
      expect(again.status).toBe(304);
      const changed = Buffer.from(
        JSON.stringify({ rows: Array.from({ length: 500 }, (_, i) => ({ buurt: `BU${i}` })) }),
      );
      writeFileSync(file, changed);
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      const fresh = await get({ 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
      expect(fresh.status).toBe(200);
      expect(brotliDecompressSync(fresh.body)).toEqual(changed);
      rmSync(file);
      expect((await get({ 'accept-encoding': 'br' })).status).toBe(500);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
