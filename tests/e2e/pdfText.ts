/**
 * Just enough PDF reading to check Chromium's `page.pdf()` output in tests: the page count and the text. Chromium
 * (Skia) writes plain objects, Flate-compressed streams, and text as glyph ids mapped to Unicode by each font's
 * ToUnicode CMap; fonts are chosen per page through its resources. Not a general PDF parser.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const text = pdf.toString('latin1');
  const header = /(\d+) 0 obj\s*/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const streamAt = body.search(/stream\r?\n/);
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0) {
      dict = body.slice(0, streamAt);
      const dataStart = start + streamAt + (body[streamAt + 6] === '\r' ? 8 : 7);
      const dataEnd = text.lastIndexOf('endstream', end);
      const raw = pdf.subarray(dataStart, dataEnd);
      try {
        stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      } catch {
        stream = raw;
      }
    }
    objects.set(Number(match[1]), { dict, stream });
    header.lastIndex = end;
  }
  return objects;
}

const ref = (text: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(text);
  return m ? Number(m[1]) : null;
};

/** The CMap's glyph → text, from its bfchar and bfrange sections. */
function readCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    let s = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
    return s;
  };
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(Number.parseInt(m[1]!, 16), utf16(m[2]!));
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const [lo, hi, dst] = [Number.parseInt(m[1]!, 16), Number.parseInt(m[2]!, 16), m[3]!];
      const base = Number.parseInt(dst.slice(-4), 16);
      for (let g = lo; g <= hi; g++) map.set(g, utf16(dst.slice(0, -4)) + String.fromCharCode(base + g - lo));
    }
  return map;
}

function pages(objects: Map<number, PdfObject>): PdfObject[] {
  return [...objects.values()].filter((o) => /\/Type\s*\/Page(?![s\w])/.test(o.dict));
}

export function pdfPageCount(pdf: Buffer): number {
  return pages(readObjects(pdf)).length;
}

/**
 * The text of every page, in content-stream order, a newline per text object. Skia positions kerned runs with Td,
 * so words may be split or joined by whitespace: compare with whitespace removed (see `compact`).
 */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const cmaps = new Map<number, Map<number, string>>();
  const fontMap = (fontObj: number) => {
    if (!cmaps.has(fontObj)) {
      const font = objects.get(fontObj);
      const toUnicode = font ? ref(font.dict, 'ToUnicode') : null;
      const cmap = toUnicode !== null ? objects.get(toUnicode)?.stream?.toString('latin1') : undefined;
      cmaps.set(fontObj, cmap ? readCMap(cmap) : new Map());
    }
    return cmaps.get(fontObj)!;
  };
  let out = '';
  for (const page of pages(objects)) {
    let resources = page.dict;
    const resourcesRef = ref(page.dict, 'Resources');
    if (resourcesRef !== null) resources = objects.get(resourcesRef)?.dict ?? '';
    let fontsDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fontsRef = ref(resources, 'Font');
    if (fontsRef !== null) fontsDict = objects.get(fontsRef)?.dict ?? '';
    const fonts = new Map([...fontsDict.matchAll(/\/(\S+?)\s+(\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
    const contents =
      /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? /\/Contents\s+(\d+ 0 R)/.exec(page.dict)?.[1] ?? '';
    for (const c of contents.matchAll(/(\d+) 0 R/g)) {
      const stream = objects.get(Number(c[1]))?.stream?.toString('latin1') ?? '';
      let map = new Map<number, string>();
      const ops = /\/(\S+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|\b(T\*|Td|TD|Tm|ET)\b/g;
      for (let m = ops.exec(stream); m; m = ops.exec(stream)) {
        if (m[1] !== undefined) {
          const obj = fonts.get(m[1]);
          map = obj !== undefined ? fontMap(obj) : new Map();
        } else if (m[2] !== undefined) {
          const hex = m[2];
          for (let i = 0; i + 4 <= hex.length; i += 4) out += map.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '';
        } else if (m[3] === 'ET') out += '\n';
      }
    }
    out += '\f';
  }
  return out.replace(/[ \t]+/g, ' ');
}

/** Text without whitespace, to look for a phrase in `pdfText` output. */
export const compact = (text: string) => text.replace(/\s+/g, '');
