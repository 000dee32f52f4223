/**
 * Finds where a JSON text goes wrong, for the `invalidJson` message. `JSON.parse` error messages differ per
 * engine and often lack a position (V8: "Unexpected token '}', ... is not valid JSON"), so the text is scanned
 * here with a small iterative checker (no recursion: deep nesting cannot overflow the stack).
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

function skipWhitespace(s: string, i: number): number {
  let j = i;
  for (;;) {
    const c = s.charCodeAt(j);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return j;
    j++;
  }
}

/** The offset just past the string starting at `i` (a `"`), or the negated offset of its error minus one. */
function scanString(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c < 0x20) return -j - 1;
    if (c === 92) {
      const e = s[j + 1];
      if (e === 'u') {
        if (!HEX4.test(s.slice(j + 2, j + 6))) return -j - 1;
        j += 6;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j += 2;
      else return -j - 1;
    } else j++;
  }
  return -s.length - 1;
}

/** The end of the number or literal at `i`, or -1. */
function scanScalar(s: string, i: number): number {
  for (const word of ['true', 'false', 'null']) if (s.startsWith(word, i)) return i + word.length;
  NUMBER.lastIndex = i;
  return NUMBER.test(s) ? NUMBER.lastIndex : -1;
}

type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'after';

/** The offset of the first syntax error in `s`, or null when `s` is valid JSON. */
export function jsonErrorOffset(s: string): number | null {
  const stack: number[] = [];
  let expect: Expect = 'value';
  let i = 0;
  for (;;) {
    i = skipWhitespace(s, i);
    if (expect === 'after' && stack.length === 0) return i < s.length ? i : null;
    if (i >= s.length) return s.length;
    const c = s.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (expect === 'after') {
      if (c === 44) {
        expect = top === 123 ? 'key' : 'value';
        i++;
      } else if ((c === 125 && top === 123) || (c === 93 && top === 91)) {
        stack.pop();
        i++;
      } else return i;
    } else if (expect === 'key' || expect === 'keyOrEnd') {
      if (expect === 'keyOrEnd' && c === 125) {
        stack.pop();
        expect = 'after';
        i++;
        continue;
      }
      if (c !== 34) return i;
      const end = scanString(s, i);
      if (end < 0) return -end - 1;
      i = skipWhitespace(s, end);
      if (s.charCodeAt(i) !== 58) return i;
      expect = 'value';
      i++;
    } else {
      if (expect === 'valueOrEnd' && c === 93) {
        stack.pop();
        expect = 'after';
        i++;
      } else if (c === 123 || c === 91) {
        stack.push(c);
        expect = c === 123 ? 'keyOrEnd' : 'valueOrEnd';
        i++;
      } else {
        const end = c === 34 ? scanString(s, i) : scanScalar(s, i);
        if (end < 0) return c === 34 ? -end - 1 : i;
        expect = 'after';
        i = end;
      }
    }
  }
}

/** 1-based line and column of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
