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
  /** Original index where folded unit j begins; the original length for j = text.length. */
  start(j: number): number;
  /** Original index where folded unit j ends (a collapsed whitespace run ends after the whole run). */
  end(j: number): number;
  /** Folded offset of original index i: the unit that covers it, or the next one kept. */
  offset(i: number): number;
}

const SPACE = 0x20;
const quoteMarks = '"«»“”„‟″‶〝〞＂‹›';
const apostrophes = "'‘’‚‛ʼ′`´＇";
const dashes = "‐‑‒–—―−﹘﹣－";
/** Invisible characters that carry no wording: soft hyphen, zero-width space, word joiner. */
const ignorables = "\u00ad\u200b\u2060";
const whitespace = "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/** Folded code of every UTF-16 unit: one form per family of quote marks, apostrophes and dashes. */
const fold = new Uint16Array(0x10000).map((_, c) => c);
/** 1 for whitespace (collapsed to one space), 2 for ignorables (dropped). */
const kind = new Uint8Array(0x10000);
const folded = new Map<string, string>();
const set = (chars: string, to: string) => {
  for (const c of chars) {
    fold[c.charCodeAt(0)] = to.charCodeAt(0);
    folded.set(c, to);
  }
};
set(quoteMarks, '"');
set(apostrophes, "'");
set(dashes, "-");
// Russian editors write ё or е for the same letter; the choice is not a change of wording.
set("ё", "е");
set("Ё", "Е");
for (const c of whitespace) kind[c.charCodeAt(0)] = 1;
for (const c of ignorables) kind[c.charCodeAt(0)] = 2;

/** A base character and the combining marks after it: the unit NFC composes. */
const clusters = /\P{M}\p{M}*|\p{M}+/gsu;

/** The first index in 0..count for which `below` is false (`below` holds for a prefix of the indices). */
function search(count: number, below: (k: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Fold `text` for matching (NFC, quote marks, apostrophes, dashes, whitespace, ё), keeping the map back. */
export function normalizeForMatching(text: string): NormalizedText {
  if (text.normalize("NFC") !== text) return foldComposed(text);
  // The common case: each unit folds to one unit or is dropped, and few are either. One loop copies
  // unchanged stretches as slices and notes only the drops, so the map costs nothing per character.
  const length = text.length;
  const parts: string[] = [];
  const dropAt: number[] = []; // folded index of the unit kept after a drop...
  const dropped: number[] = []; // ...and how many original units were dropped before it
  let copied = 0;
  let n = 0;
  let total = 0;
  let inSpace = false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    const k = kind[c];
    if (k === 0 || (k === 1 && !inSpace)) {
      inSpace = k === 1;
      const f = k === 1 ? SPACE : fold[c];
      if (f !== c) {
        parts.push(text.slice(copied, i), String.fromCharCode(f));
        copied = i + 1;
      }
      n++;
      continue;
    }
    // More whitespace in a run (the run's space covers it) or an ignorable.
    parts.push(text.slice(copied, i));
    copied = i + 1;
    total++;
    if (dropAt.length > 0 && dropAt[dropAt.length - 1] === n) dropped[dropped.length - 1] = total;
    else {
      dropAt.push(n);
      dropped.push(total);
    }
  }
  parts.push(text.slice(copied));
  const result = parts.join("");
  /** Original units dropped before folded unit j. */
  const shift = (j: number) => {
    const r = search(dropAt.length, (k) => dropAt[k] <= j);
    return r === 0 ? 0 : dropped[r - 1];
  };
  const start = (j: number) => (j >= n ? length : j + shift(j));
  return {
    text: result,
    start,
    end: (j) => (kind[text.charCodeAt(start(j))] === 1 ? start(j + 1) : start(j) + 1),
    offset(i) {
      const r = search(dropAt.length, (k) => dropAt[k] + dropped[k] <= i);
      return Math.max(0, Math.min(n, i - (r === 0 ? 0 : dropped[r - 1])));
    },
  };
}

/** Text not in NFC: composition can merge several code points, so each composed unit maps to its whole cluster. */
function foldComposed(text: string): NormalizedText {
  const out: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let inSpace = false;
  for (const m of text.matchAll(clusters)) {
    const composed = m[0].normalize("NFC");
    for (let j = 0; j < composed.length; j++) {
      const c = composed.charCodeAt(j);
      const k = kind[c];
      if (k === 2) continue;
      if (k === 1 && inSpace) {
        ends[ends.length - 1] = m.index + m[0].length;
        continue;
      }
      inSpace = k === 1;
      out.push(k === 1 ? SPACE : fold[c]);
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
  }
  let result = "";
  // fromCharCode takes its units as arguments; chunks stay below engines' argument limits.
  for (let i = 0; i < out.length; i += 8192) result += String.fromCharCode(...out.slice(i, i + 8192));
  return {
    text: result,
    start: (j) => (j >= starts.length ? text.length : starts[j]),
    end: (j) => ends[j],
    offset: (i) => search(ends.length, (k) => ends[k] <= i),
  };
}

const foldable = new RegExp(`[${quoteMarks}${apostrophes}${dashes}ёЁ]`, "g");
const ignorable = new RegExp(`[${ignorables}]`, "g");
const spaces = new RegExp(`[${whitespace}]+`, "g");

/** The folded form of a quote or its context, without the map (the same text as normalizeForMatching's). */
export function normalizeQuote(text: string): string {
  const nfc = text.normalize("NFC") === text ? text : text.replace(clusters, (g) => g.normalize("NFC"));
  return nfc.replace(ignorable, "").replace(spaces, " ").replace(foldable, (c) => folded.get(c)!);
}
