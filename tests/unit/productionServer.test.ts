import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
});
