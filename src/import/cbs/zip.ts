/**
 * Just enough of the ZIP format to open an .xlsx: the central directory at the end of the file lists every part
 * with its compression method, sizes and the offset of its local header. Parts are stored (method 0) or deflated
 * (method 8); `inflateRaw` is passed in so that this module runs unchanged in the browser and in Node
 * (zlib.inflateRawSync). ZIP64 and encryption are not needed for CBS workbooks and are refused.
 *
 * Format: PKWARE APPNOTE.TXT, sections 4.3.7 (local file header), 4.3.12 (central directory), 4.3.16 (end record).
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

export class ZipError extends Error {
  constructor(
    message: string,
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
  names: string[];
  /** The uncompressed bytes of a part, or null when the archive has no such part. */
  read(name: string): Uint8Array | null;
}

/** Opens the archive; parts are inflated only when read. */
export function openZip(bytes: Uint8Array, inflateRaw: (b: Uint8Array) => Uint8Array): ZipArchive {
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

  const names = new TextDecoder('utf-8');
  const entries = new Map<string, Entry>();
  let p = directoryOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new ZipError('the zip directory is damaged');
    }
    const nameLength = view.getUint16(p + 28, true);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.set(name, {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }

  return {
    names: [...entries.keys()],
    read(name) {
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
      if (entry.method === 0) return data;
      if (entry.method === 8) return inflateRaw(data);
      throw new ZipError(`compression method ${entry.method}`, name);
    },
  };
}
