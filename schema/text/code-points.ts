/**
 * W3C selectors count Unicode code points; JavaScript strings index UTF-16 code units.
 * These converters are the one place where the two meet.
 */

/**
 * Whether `text` has no surrogate pairs, so that code points and UTF-16 units coincide (every Latin,
 * Cyrillic and Kazakh text). Re-anchoring converts offsets in the same long article text thousands of
 * times, so the answer for the last long text is kept: a scan of the text once, not once a call.
 */
let lastLong: string | undefined;
let lastLongIsBmp = false;
function bmpOnly(text: string): boolean {
  if (text.length < 256) return !/[\uD800-\uDFFF]/.test(text);
  if (text !== lastLong) {
    lastLong = text;
    lastLongIsBmp = !/[\uD800-\uDFFF]/.test(text);
  }
  return lastLongIsBmp;
}

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  if (bmpOnly(text)) return text.length;
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
  if (bmpOnly(text)) return Math.max(0, Math.min(cp, text.length));
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
  if (bmpOnly(text)) return Math.max(0, Math.min(index, text.length));
  return codePointLength(text.slice(0, index));
}

/** `text` between code point offsets `start` and `end`. */
export function codePointSlice(text: string, start: number, end?: number): string {
  const from = utf16Index(text, start);
  return end === undefined ? text.slice(from) : text.slice(from, utf16Index(text, end));
}
