/**
 * W3C selectors count Unicode code points; JavaScript strings index UTF-16 code units.
 * These converters are the one place where the two meet.
 */

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** UTF-16 index of code point offset `cp` (clamped to the text's end). */
export function utf16Index(text: string, cp: number): number {
  let i = 0;
  for (let n = 0; n < cp && i < text.length; n++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    i += pair ? 2 : 1;
  }
  return i;
}

/** Code point offset of UTF-16 index `index`. */
export function codePointIndex(text: string, index: number): number {
  return codePointLength(text.slice(0, index));
}

/** `text` between code point offsets `start` and `end`. */
export function codePointSlice(text: string, start: number, end?: number): string {
  const from = utf16Index(text, start);
  return end === undefined ? text.slice(from) : text.slice(from, utf16Index(text, end));
}
