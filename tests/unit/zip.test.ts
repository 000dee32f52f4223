import { describe, expect, it } from 'vitest';
import { crc32, deflateRaw, layoutZip, openZip, writeZip, ZipError } from '../../src/data/zip.ts';

const encode = (text: string) => new TextEncoder().encode(text);

async function failure(run: () => Promise<unknown>): Promise<ZipError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ZipError) return error;
    throw error;
  }
  throw new Error('expected a ZipError');
}

describe('the one zip', () => {
  it('computes CRC-32 as zip does', () => {
    expect(crc32(encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes parts that it reads back: deflated when that is smaller, stored when not', async () => {
    const big = encode('<row><c><v>1</v></c></row>'.repeat(2000));
    const tiny = encode('a');
    const bytes = await writeZip([
      { name: 'xl/big.xml', data: big },
      { name: 'a/ö.txt', data: tiny },
    ]);
    expect(bytes.length).toBeLessThan(big.length / 20);
    const zip = openZip(bytes);
    expect(zip.names).toEqual(['xl/big.xml', 'a/ö.txt']);
    expect(await zip.read('xl/big.xml')).toEqual(big);
    expect(await zip.read('a/ö.txt')).toEqual(tiny);
    expect(await zip.read('missing')).toBeNull();
    // Method in the local headers: 8 (deflate) for the big part, 0 (store) for the one byte.
    const view = new DataView(bytes.buffer);
    expect(view.getUint16(8, true)).toBe(8);
    const second = 30 + 'xl/big.xml'.length + view.getUint32(18, true);
    expect(view.getUint16(second + 8, true)).toBe(0);
    // Same parts, same bytes.
    expect(
      await writeZip([
        { name: 'xl/big.xml', data: big },
        { name: 'a/ö.txt', data: tiny },
      ]),
    ).toEqual(bytes);
    expect(await writeZip([{ name: 'xl/big.xml', data: big }], { compress: false })).toHaveLength(
      30 + 46 + 2 * 'xl/big.xml'.length + big.length + 22,
    );
  });

  it('stops inflating a part beyond the budget and names it (a zip bomb never fills memory)', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024); // deflates to about 8 KB
    const bytes = await writeZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros }]);
    expect(bytes.length).toBeLessThan(20_000);
    const error = await failure(() => openZip(bytes, { maxBytes: 1024 * 1024 }).read('xl/worksheets/sheet1.xml'));
    expect(error.entry).toBe('xl/worksheets/sheet1.xml');
    expect(error.message).toBe('unpacks to more than 1 MB');
    // The budget spans the archive: two parts of 600 KB pass one by one, not together.
    const half = await writeZip([
      { name: 'a', data: new Uint8Array(600 * 1024) },
      { name: 'b', data: new Uint8Array(600 * 1024) },
    ]);
    const zip = openZip(half, { maxBytes: 1024 * 1024 });
    expect(await zip.read('a')).toHaveLength(600 * 1024);
    expect((await failure(() => zip.read('b'))).entry).toBe('b');
  });

  it('refuses damaged archives with a ZipError, naming the part where it can', async () => {
    expect(() => openZip(encode('not a zip at all, just text'))).toThrow('no zip directory found');
    const deflated = await deflateRaw(encode('hello '.repeat(100)));
    const broken = layoutZip([
      { name: 'x.xml', method: 8, data: deflated.subarray(0, 5).map((b) => b ^ 0xff), size: 600, crc: 0 },
    ]);
    const error = await failure(() => openZip(broken).read('x.xml'));
    expect(error.entry).toBe('x.xml');
    expect(error.message).toMatch(/^damaged compressed data/);
  });
});
