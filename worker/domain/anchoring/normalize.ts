/**
 * Normalisation for matching only. Quotes are compared in a folded form, so that a correction
 * that only restyles quote marks, dashes or whitespace does not count as a change of the words;
 * every folded character keeps the original range it came from, because selectors always
 * point into the real text.
 */

import { foldWithMap, KEEP, SPACE, unitFold, unitKind, type FoldMap } from "../../../schema/text/fold";

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

const SPACE_UNIT = 0x20;

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

/** Fold `text` for matching (see schema/text/fold.ts), keeping the map back. */
export function normalizeForMatching(text: string): NormalizedText {
  if (text.normalize("NFC") !== text) return fromFoldMap(text, foldWithMap(text));
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
    const k = unitKind[c];
    if (k === KEEP || (k === SPACE && !inSpace)) {
      inSpace = k === SPACE;
      const f = k === SPACE ? SPACE_UNIT : unitFold[c];
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
    end: (j) => (unitKind[text.charCodeAt(start(j))] === SPACE ? start(j + 1) : start(j) + 1),
    offset(i) {
      const r = search(dropAt.length, (k) => dropAt[k] + dropped[k] <= i);
      return Math.max(0, Math.min(n, i - (r === 0 ? 0 : dropped[r - 1])));
    },
  };
}

/** Text not in NFC: composition can merge several code points, so each composed unit maps to its whole cluster. */
function fromFoldMap(text: string, map: FoldMap): NormalizedText {
  const { starts, ends } = map;
  return {
    text: map.text,
    start: (j) => (j >= starts.length ? text.length : starts[j]),
    end: (j) => ends[j],
    offset: (i) => search(ends.length, (k) => ends[k] <= i),
  };
}
