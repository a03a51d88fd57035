/**
 * Text folding: the one table of characters that do not change what a text says. Quote marks,
 * apostrophes and dashes fold to one form each, ё to е, whitespace runs to one space, invisible
 * characters drop out, and the text composes to NFC. The duplicate check, the anchoring, the public
 * widget and the claimant name key all fold with this table, so that "the same text" means the same
 * thing everywhere. Browser-safe: the workspace and the public script import it too.
 */

const quoteMarks = '"«»“”„‟″‶〝〞＂‹›';
const apostrophes = "'‘’‚‛ʼ′`´＇";
const dashes = "‐‑‒–—―−﹘﹣－";
/** Invisible characters that carry no wording: soft hyphen, zero-width space, non-joiner and joiner, word joiner. */
const ignorables = "\u00ad\u200b\u200c\u200d\u2060";
const whitespace = "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/** What folding does with a UTF-16 unit (see `unitKind`). */
export const KEEP = 0;
export const SPACE = 1;
export const IGNORABLE = 2;

/** The folded code of every UTF-16 unit: one form per family of quote marks, apostrophes and dashes, е for ё. */
export const unitFold = new Uint16Array(0x10000).map((_, c) => c);
/** KEEP, SPACE (a run collapses to one space) or IGNORABLE (dropped), for every UTF-16 unit. */
export const unitKind = new Uint8Array(0x10000);

const set = (chars: string, to: string) => {
  for (const c of chars) unitFold[c.charCodeAt(0)] = to.charCodeAt(0);
};
set(quoteMarks, '"');
set(apostrophes, "'");
set(dashes, "-");
// Russian editors write ё or е for the same letter; the choice is not a change of wording.
set("ё", "е");
set("Ё", "Е");
for (const c of whitespace) unitKind[c.charCodeAt(0)] = SPACE;
for (const c of ignorables) unitKind[c.charCodeAt(0)] = IGNORABLE;

/** A base character and the combining marks after it: the unit NFC composes. */
const clusters = /\P{M}\p{M}*|\p{M}+/gsu;

const foldable = new RegExp(`[${quoteMarks}${apostrophes}${dashes}ёЁ]`, "g");
const ignorable = new RegExp(`[${ignorables}]`, "g");
const spaces = new RegExp(`[${whitespace}]+`, "g");

/** `text` in NFC, composed cluster by cluster as `foldWithMap` composes it. */
function composed(text: string): string {
  return text.normalize("NFC") === text ? text : text.replace(clusters, (g) => g.normalize("NFC"));
}

/** The folded form of a text: NFC, invisible characters dropped, whitespace runs as one space, look-alikes unified. Case is kept. */
export function foldText(text: string): string {
  return composed(text)
    .replace(ignorable, "")
    .replace(spaces, " ")
    .replace(foldable, (c) => String.fromCharCode(unitFold[c.charCodeAt(0)]));
}

/** A key for "the same words": the folded text, trimmed and lower-cased (duplicate articles, claimant names). */
export function foldKey(text: string): string {
  return foldText(text).trim().toLowerCase();
}

/** A folded text with, for each folded UTF-16 unit j, the original range `starts[j]..ends[j]` it came from. */
export interface FoldMap {
  text: string;
  starts: number[];
  ends: number[];
}

/**
 * Fold `text` and keep the map back to it. `spaces`: "collapse" makes each whitespace run one space
 * (its range covers the whole run); "drop" removes whitespace, for page text whose paragraphs are
 * elements with nothing between them.
 */
export function foldWithMap(text: string, spaces: "collapse" | "drop" = "collapse"): FoldMap {
  const out: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let inSpace = false;
  const add = (c: number, from: number, to: number) => {
    const k = unitKind[c];
    if (k === IGNORABLE || (k === SPACE && spaces === "drop")) return;
    if (k === SPACE && inSpace) {
      ends[ends.length - 1] = to;
      return;
    }
    inSpace = k === SPACE;
    out.push(k === SPACE ? 0x20 : unitFold[c]);
    starts.push(from);
    ends.push(to);
  };
  if (text.normalize("NFC") === text) {
    for (let i = 0; i < text.length; i++) add(text.charCodeAt(i), i, i + 1);
  } else {
    // Composition can merge several code points, so each composed unit maps to its whole cluster.
    for (const m of text.matchAll(clusters)) {
      const nfc = m[0].normalize("NFC");
      for (let j = 0; j < nfc.length; j++) add(nfc.charCodeAt(j), m.index, m.index + m[0].length);
    }
  }
  let result = "";
  // fromCharCode takes its units as arguments; chunks stay below engines' argument limits.
  for (let i = 0; i < out.length; i += 8192) result += String.fromCharCode(...out.slice(i, i + 8192));
  return { text: result, starts, ends };
}
