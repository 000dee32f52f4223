/**
 * Bytes to text. CBS serves UTF-8; a file saved by a Dutch Excel as plain "CSV" is Windows-1252, where é and ë
 * are single bytes that are invalid UTF-8. Guessing the encoding could silently turn "Súdwest-Fryslân" into
 * something else, so the file is refused with a message saying where and how to save it instead.
 */
import { ImportError, importMessage } from './messages.ts';

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the bytes there are not valid UTF-8. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    // E0 must not encode an overlong form, ED must not encode a UTF-16 surrogate.
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

/** Decodes UTF-8 (a byte order mark is dropped); throws an ImportError naming the line of the first bad byte. */
export function decodeText(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = Math.max(firstInvalidUtf8(bytes), 0);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
    throw new ImportError([importMessage(file, 'notUtf8', { offset, line }, { row: line })]);
  }
}
