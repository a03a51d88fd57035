/**
 * Normalisation for matching only. Quotes are compared in a folded form, so that a correction
 * that only restyles quote marks, dashes or whitespace does not count as a change of the words;
 * every folded character keeps the original range it came from, because selectors always
 * point into the real text.
 */

/** A text folded for matching, with the original UTF-16 range behind each folded UTF-16 unit. */
export interface NormalizedText {
  /** The folded text. */
  readonly text: string;
  /** Original index where folded unit i begins. */
  readonly starts: Int32Array;
  /** Original index where folded unit i ends (a collapsed whitespace run ends after the whole run). */
  readonly ends: Int32Array;
  /** Folded index of the unit that covers original index i; length + 1 entries. */
  readonly fromOriginal: Int32Array;
}

const SPACE = 0x20;

/** One folded form per family: every quote mark is '"', every apostrophe "'", every dash "-". */
const foldTable = new Map<number, number>();
for (const c of '"«»“”„‟″‶〝〞＂‹›') foldTable.set(c.charCodeAt(0), 0x22);
for (const c of "'‘’‚‛ʼ′`´＇") foldTable.set(c.charCodeAt(0), 0x27);
for (const c of "‐‑‒–—―−﹘﹣－") foldTable.set(c.charCodeAt(0), 0x2d);
// Russian editors write ё or е for the same letter; the choice is not a change of wording.
foldTable.set(0x451, 0x435); // ё → е
foldTable.set(0x401, 0x415); // Ё → Е

/** Invisible characters that carry no wording: soft hyphen, zero-width space, word joiner. */
const ignorable = new Set([0xad, 0x200b, 0x2060]);

function isWhitespace(c: number): boolean {
  return (
    c === SPACE || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f ||
    c === 0x3000 || c === 0xfeff
  );
}

/** Builder shared by the fast path and the NFC path. */
class Folder {
  readonly out: number[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly fromOriginal: Int32Array;
  private inSpace = false;

  constructor(length: number) {
    this.fromOriginal = new Int32Array(length + 1);
  }

  /** Fold unit `c`, which stands for original range start..end; `continues` when an earlier unit already stood for it. */
  push(c: number, start: number, end: number, continues = false): void {
    if (ignorable.has(c)) {
      if (!continues) this.mark(start, end, this.out.length);
      return;
    }
    if (isWhitespace(c)) {
      if (this.inSpace) {
        const last = this.out.length - 1;
        this.ends[last] = end;
        if (!continues) this.mark(start, end, last);
        return;
      }
      this.inSpace = true;
      c = SPACE;
    } else {
      this.inSpace = false;
      c = foldTable.get(c) ?? c;
    }
    if (!continues) this.mark(start, end, this.out.length);
    this.out.push(c);
    this.starts.push(start);
    this.ends.push(end);
  }

  private mark(start: number, end: number, folded: number): void {
    for (let i = start; i < end; i++) this.fromOriginal[i] = folded;
  }

  finish(length: number): NormalizedText {
    this.fromOriginal[length] = this.out.length;
    let text = "";
    // String.fromCharCode takes arguments; chunks stay below engines' argument limits.
    for (let i = 0; i < this.out.length; i += 8192) text += String.fromCharCode(...this.out.slice(i, i + 8192));
    return { text, starts: Int32Array.from(this.starts), ends: Int32Array.from(this.ends), fromOriginal: this.fromOriginal };
  }
}

/** A base character and the combining marks after it: the unit NFC composes. */
const clusters = /\P{M}\p{M}*|\p{M}+/gsu;

/** Fold `text` for matching (NFC, quote marks, apostrophes, dashes, whitespace, ё), keeping the map back. */
export function normalizeForMatching(text: string): NormalizedText {
  const folder = new Folder(text.length);
  if (text.normalize("NFC") === text) {
    for (let i = 0; i < text.length; i++) folder.push(text.charCodeAt(i), i, i + 1);
  } else {
    // Composition can merge several original code points into one; each composed unit maps to its whole cluster.
    for (const m of text.matchAll(clusters)) {
      const composed = m[0].normalize("NFC");
      const start = m.index;
      const end = start + m[0].length;
      for (let k = 0; k < composed.length; k++) folder.push(composed.charCodeAt(k), start, end, k > 0);
    }
  }
  return folder.finish(text.length);
}

/** The folded form of a quote or its context, without the map. */
export function normalizeQuote(text: string): string {
  return normalizeForMatching(text).text;
}
