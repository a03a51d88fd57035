/**
 * Constant-time conversion between code point offsets and UTF-16 indices of one text.
 * Re-anchoring converts hundreds of offsets per revision; the helpers in schema/text/code-points.ts
 * walk the text from its start on every call, which is fine once and too slow a thousand times.
 */

/** Offsets of one text in both units. */
export interface CodePointIndex {
  /** Length of the text in code points. */
  readonly length: number;
  /** UTF-16 index of code point offset `cp`, clamped to 0..text end. */
  toUtf16(cp: number): number;
  /** Code point offset of UTF-16 index `index`; an index inside a surrogate pair rounds down, or up when `roundUp`. */
  toCodePoint(index: number, roundUp?: boolean): number;
}

const hasSurrogates = /[\ud800-\udfff]/;

/** The offset tables of `text`; identity functions when it has no astral characters. */
export function indexCodePoints(text: string): CodePointIndex {
  const n = text.length;
  const clampU16 = (i: number) => (i < 0 ? 0 : i > n ? n : i);
  if (!hasSurrogates.test(text)) {
    return { length: n, toUtf16: clampU16, toCodePoint: clampU16 };
  }
  const toCp = new Int32Array(n + 1);
  const toU16: number[] = [];
  let cp = 0;
  for (let i = 0; i < n; i++) {
    toU16.push(i);
    toCp[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      toCp[++i] = cp; // the low half belongs to the same code point
    }
    cp++;
  }
  toCp[n] = cp;
  toU16.push(n);
  const length = cp;
  return {
    length,
    toUtf16: (c) => toU16[c < 0 ? 0 : c > length ? length : c],
    toCodePoint(index, roundUp = false) {
      const i = clampU16(index);
      // Inside a pair: toCp[i] equals toCp[i - 1].
      const inside = i > 0 && i < n && toCp[i] === toCp[i - 1];
      return inside && roundUp ? toCp[i] + 1 : toCp[i];
    },
  };
}
