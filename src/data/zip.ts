/**
 * The project's one zip: read (stored and deflated parts) and write (deflated, or stored where deflating does not
 * pay). Deflate and inflate are the platform's `CompressionStream`/`DecompressionStream('deflate-raw')`, present in
 * browsers and in Node ≥ 20, so the same module runs in the app, the scripts and the tests.
 *
 * Reading is bounded: an archive is opened with a budget of inflated bytes, and a part that inflates beyond it is
 * stopped while it streams (a zip bomb of a few hundred bytes never becomes gigabytes in memory). ZIP64 and
 * encryption are refused: nothing this project reads or writes needs them.
 *
 * Format: PKWARE APPNOTE.TXT, sections 4.3.7 (local file header), 4.3.12 (central directory), 4.3.16 (end record).
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

const MB = 1024 * 1024;
/** The default budget of inflated bytes per archive: far above a workbook or bundle, far below a tab's memory. */
export const ZIP_DEFAULT_MAX_BYTES = 256 * MB;

export class ZipError extends Error {
  constructor(
    message: string,
    /** The part the problem is in; absent when the archive itself is unreadable. */
    readonly entry?: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  /** The part names in directory order. */
  readonly names: readonly string[];
  /** The uncompressed bytes of a part, or null when the archive has no such part. */
  read(name: string): Promise<Uint8Array | null>;
}

export interface OpenZipOptions {
  /** Inflated bytes allowed over all parts read from this archive; {@link ZIP_DEFAULT_MAX_BYTES} by default. */
  maxBytes?: number;
}

/** Opens the archive (reads its directory); parts are inflated only when read. Throws a {@link ZipError}. */
export function openZip(bytes: Uint8Array, options: OpenZipOptions = {}): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of at most 65 535 bytes, so it is found by scanning back.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('no zip directory found');
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');

  const decoder = new TextDecoder('utf-8');
  const entries = new Map<string, Entry>();
  let p = directoryOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new ZipError('the zip directory is damaged');
    }
    const nameLength = view.getUint16(p + 28, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.set(name, {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }

  let budget = options.maxBytes ?? ZIP_DEFAULT_MAX_BYTES;
  const limit = budget;
  return {
    names: [...entries.keys()],
    async read(name) {
      const entry = entries.get(name);
      if (!entry) return null;
      if (entry.flags & 1) throw new ZipError('encrypted', name);
      const h = entry.localHeaderOffset;
      if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL_FILE_HEADER) {
        throw new ZipError('local header missing', name);
      }
      // Sizes come from the central directory: with a data descriptor (flag 8) the local header holds zeros.
      const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
      const data = bytes.subarray(start, start + entry.compressedSize);
      let out: Uint8Array;
      if (entry.method === 0) out = data;
      else if (entry.method === 8) {
        try {
          out = await inflateRaw(data, budget);
        } catch (error) {
          if (error instanceof InflateLimit) throw new ZipError(`unpacks to more than ${sizeText(limit)}`, name);
          throw new ZipError(`damaged compressed data (${error instanceof Error ? error.message : error})`, name);
        }
      } else throw new ZipError(`compression method ${entry.method}`, name);
      if (out.length > budget) throw new ZipError(`unpacks to more than ${sizeText(limit)}`, name);
      budget -= out.length;
      return out;
    },
  };
}

function sizeText(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${bytes} bytes`;
}

class InflateLimit extends Error {}

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      // Stop the stream here: the rest of a zip bomb is never produced.
      await reader.cancel().catch(() => {});
      throw new InflateLimit();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function through(data: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
}

/** Inflates raw deflate data; rejects when the output would exceed `limit` bytes (stopped while streaming). */
export async function inflateRaw(data: Uint8Array, limit = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
  return collect(through(data, new DecompressionStream('deflate-raw')), limit);
}

/** Raw deflate of `data`. */
export async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  return collect(through(data, new CompressionStream('deflate-raw')), Number.POSITIVE_INFINITY);
}

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 as zip uses it (ISO 3309, reflected polynomial 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  const table = CRC_TABLE;
  // An index loop: the iterator protocol is several times slower on a workbook of megabytes.
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** 1980-01-01 00:00, the earliest MS-DOS date: a fixed stamp keeps the output reproducible. */
const DOS_TIME = 0;
const DOS_DATE = 0x21; // (year − 1980) << 9 | month << 5 | day

export interface WriteZipOptions {
  /** Deflate the parts (default); false stores them as they are. */
  compress?: boolean;
}

/**
 * A zip archive of the given parts, in the given order. Each part is deflated unless that does not make it smaller
 * (then stored). Same parts, same bytes: the date is fixed and deflate is deterministic.
 */
export async function writeZip(
  files: readonly { name: string; data: Uint8Array }[],
  options: WriteZipOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const compress = options.compress ?? true;
  const parts = await Promise.all(
    files.map(async (f): Promise<ZipPart> => {
      const deflated = compress ? await deflateRaw(f.data) : undefined;
      const stored = deflated === undefined || deflated.length >= f.data.length;
      return {
        name: f.name,
        crc: crc32(f.data),
        size: f.data.length,
        method: stored ? 0 : 8,
        data: stored ? f.data : deflated,
      };
    }),
  );
  return layoutZip(parts);
}

/** A part as it goes into the archive: `data` already compressed with `method`, `size` and `crc` of the original. */
export interface ZipPart {
  name: string;
  method: 0 | 8;
  data: Uint8Array;
  size: number;
  crc: number;
}

/**
 * The fields a local header and its central directory entry share, in the same order (method, time, date, CRC,
 * sizes, name length), written from `at`: byte 8 of a local header, byte 10 of a central entry.
 */
function entryFields(view: DataView, at: number, part: Omit<ZipPart, 'name'> & { name: Uint8Array }): void {
  view.setUint16(at, part.method, true);
  view.setUint16(at + 2, DOS_TIME, true);
  view.setUint16(at + 4, DOS_DATE, true);
  view.setUint32(at + 6, part.crc, true);
  view.setUint32(at + 10, part.data.length, true);
  view.setUint32(at + 14, part.size, true);
  view.setUint16(at + 18, part.name.length, true);
}

/**
 * The archive's bytes around parts compressed beforehand: local headers, data, central directory, end record.
 * {@link writeZip} is the way in; this step is separate so that tests can lay out parts deflated synchronously.
 */
export function layoutZip(input: readonly ZipPart[]): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const parts = input.map((part) => ({ ...part, name: encoder.encode(part.name) }));
  const localSize = parts.reduce((n, p) => n + 30 + p.name.length + p.data.length, 0);
  const centralSize = parts.reduce((n, p) => n + 46 + p.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  for (const part of parts) {
    offsets.push(p);
    view.setUint32(p, LOCAL_FILE_HEADER, true);
    view.setUint16(p + 4, 20, true); // version needed: 2.0
    view.setUint16(p + 6, 0x0800, true); // names are UTF-8
    entryFields(view, p + 8, part);
    view.setUint16(p + 28, 0, true);
    out.set(part.name, p + 30);
    out.set(part.data, p + 30 + part.name.length);
    p += 30 + part.name.length + part.data.length;
  }
  const central = p;
  parts.forEach((part, i) => {
    view.setUint32(p, CENTRAL_DIRECTORY_ENTRY, true);
    view.setUint16(p + 4, 20, true); // made by: MS-DOS, 2.0
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x0800, true);
    entryFields(view, p + 10, part);
    // extra field, comment, disk number, internal and external attributes: all zero (bytes 30..41)
    view.setUint32(p + 42, offsets[i]!, true);
    out.set(part.name, p + 46);
    p += 46 + part.name.length;
  });
  view.setUint32(p, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(p + 8, parts.length, true);
  view.setUint16(p + 10, parts.length, true);
  view.setUint32(p + 12, p - central, true);
  view.setUint32(p + 16, central, true);
  return out;
}
