import { diffArrays } from "diff";
import { paragraphSeparator } from "../article-text";

/**
 * The diff between two stored revisions of an article, as a position map (the way an editor maps
 * positions through its steps). Paragraphs are compared first, so that an insertion, deletion or move
 * of whole paragraphs costs one comparison per paragraph; only the paragraphs that changed are then
 * compared word by word. All offsets are UTF-16 indices.
 */

/** A stretch of the old text and what it became: the same characters (`equal`) or a replacement. */
export interface Segment {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  equal: boolean;
}

/** Segments covering both texts in order, adjacent replacements merged. */
export interface RevisionDiff {
  readonly oldText: string;
  readonly newText: string;
  readonly segments: readonly Segment[];
}

/** Word edits beyond which a changed passage is treated as rewritten (its claims go to the quote matcher). */
const MAX_WORD_EDITS = 2000;

/** Paragraphs with their separator attached, so that they concatenate back to the text. */
function paragraphsOf(text: string): string[] {
  const parts = text.split(paragraphSeparator);
  return parts.map((p, i) => (i < parts.length - 1 ? p + paragraphSeparator : p));
}

/** Words (letters, digits and their marks), whitespace runs, and single other characters. */
const tokenPattern = /[\p{L}\p{N}\p{M}]+|\s+|[\s\S]/gu;

class Builder {
  readonly segments: Segment[] = [];
  push(oldLength: number, newLength: number, equal: boolean, oldStart: number, newStart: number) {
    if (oldLength === 0 && newLength === 0) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.equal === equal) {
      last.oldEnd += oldLength;
      last.newEnd += newLength;
      return;
    }
    this.segments.push({ oldStart, oldEnd: oldStart + oldLength, newStart, newEnd: newStart + newLength, equal });
  }
}

/** Diff old[oldStart..] against new[newStart..] token by token, appending to `out`; false when too different. */
function diffTokens(out: Builder, oldPart: string, newPart: string, oldStart: number, newStart: number): boolean {
  const a = oldPart.match(tokenPattern) ?? [];
  const b = newPart.match(tokenPattern) ?? [];
  const changes = diffArrays(a, b, { maxEditLength: MAX_WORD_EDITS });
  if (!changes) return false;
  let o = oldStart;
  let n = newStart;
  for (const c of changes) {
    const length = c.value.reduce((sum, t) => sum + t.length, 0);
    if (c.added) {
      out.push(0, length, false, o, n);
      n += length;
    } else if (c.removed) {
      out.push(length, 0, false, o, n);
      o += length;
    } else {
      out.push(length, length, true, o, n);
      o += length;
      n += length;
    }
  }
  return true;
}

const total = (parts: readonly string[]) => parts.reduce((sum, p) => sum + p.length, 0);

/** The position map from `oldText` to `newText`. */
export function diffRevisions(oldText: string, newText: string): RevisionDiff {
  const out = new Builder();
  // The paragraphs both texts begin and end with are equal as they stand (a single correction leaves most of them).
  const [head, tail] = sharedParagraphs(oldText, newText);
  out.push(head, head, true, 0, 0);
  diffMiddle(out, oldText.slice(head, oldText.length - tail), newText.slice(head, newText.length - tail), head);
  out.push(tail, tail, true, oldText.length - tail, newText.length - tail);
  return { oldText, newText, segments: absorbChance(out.segments, oldText) };
}

/** Lengths of the whole paragraphs (with their separators) that both texts start with, and that both end with. */
function sharedParagraphs(a: string, b: string): [number, number] {
  const max = Math.min(a.length, b.length);
  let head = 0;
  while (head < max && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  if (head < a.length || head < b.length) {
    const at = a.lastIndexOf(paragraphSeparator, head - paragraphSeparator.length);
    head = at === -1 ? 0 : at + paragraphSeparator.length;
  }
  let tail = 0;
  while (tail < max - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  if (tail < a.length - head) {
    // The shared tail starts at a paragraph: after the first separator inside it.
    const at = a.indexOf(paragraphSeparator, a.length - tail);
    tail = at === -1 ? 0 : a.length - at - paragraphSeparator.length;
  }
  return [head, tail];
}

/** Diff the changed middle of two texts (starting at `offset` in both), paragraphs first, then words. */
function diffMiddle(out: Builder, oldText: string, newText: string, offset: number) {
  // Paragraphs compared as numbers (one id per distinct paragraph): the diff then never compares strings.
  const ids = new Map<string, number>();
  const oldParagraphs = paragraphsOf(oldText);
  const newParagraphs = paragraphsOf(newText);
  const idOf = (p: string) => ids.get(p) ?? (ids.set(p, ids.size), ids.size - 1);
  const oldIds = oldParagraphs.map(idOf);
  const newIds = newParagraphs.map(idOf);
  const changes = diffArrays(oldIds, newIds);
  let o = offset;
  let n = offset;
  let op = 0;
  let np = 0;
  /** The next `count` paragraphs of one side, as text. */
  const take = (side: string[], at: number, count: number) => side.slice(at, at + count);
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    if (!c.added && !c.removed) {
      const length = total(take(oldParagraphs, op, c.count));
      op += c.count;
      np += c.count;
      out.push(length, length, true, o, n);
      o += length;
      n += length;
      continue;
    }
    // A hunk: the removed and added paragraphs between two equal runs.
    const removed: string[] = [];
    const added: string[] = [];
    for (; i < changes.length && (changes[i].added || changes[i].removed); i++) {
      const k = changes[i];
      if (k.added) {
        added.push(...take(newParagraphs, np, k.count));
        np += k.count;
      } else {
        removed.push(...take(oldParagraphs, op, k.count));
        op += k.count;
      }
    }
    i--;
    const oldLength = total(removed);
    const newLength = total(added);
    if (removed.length === added.length && removed.length > 1) {
      // Paragraphs edited one for one (a restyling through the whole text): compare them pairwise.
      let po = o;
      let pn = n;
      removed.forEach((p, k) => {
        if (!diffTokens(out, p, added[k], po, pn)) out.push(p.length, added[k].length, false, po, pn);
        po += p.length;
        pn += added[k].length;
      });
    } else if (removed.length === 0 || added.length === 0 || !diffTokens(out, removed.join(""), added.join(""), o, n)) {
      out.push(oldLength, newLength, false, o, n);
    }
    o += oldLength;
    n += newLength;
  }
}

const wordCharacter = /[\p{L}\p{N}]/u;
/** Letters and digits in `text` (UTF-16 units; ASCII decided without a regular expression). */
export function wordCharacters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) n++;
    } else if (wordCharacter.test(text[i])) n++;
  }
  return n;
}

/** Where an old span went: its new range, and how much of it the diff kept character for character. */
export interface MappedSpan {
  start: number;
  end: number;
  /** Old characters of the span inside equal segments. */
  kept: number;
  /** Of those, letters and digits (0 when `clean`): whitespace and common punctuation line up by chance, words seldom do. */
  keptWords: number;
  /** The whole span lies inside one equal segment. */
  clean: boolean;
  /** Equal characters on each side of the span, read outward up to `reach`: its context the diff kept. */
  keptBefore: number;
  keptAfter: number;
}

/** The index of the segment holding old character `p` (the last segment for p at the very end). */
function segmentAt(segments: readonly Segment[], p: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (segments[mid].oldStart <= p) lo = mid;
    else hi = mid - 1;
  }
  // Pure insertions hold no old character: step to the segment that does.
  while (lo < segments.length - 1 && segments[lo].oldEnd <= p) lo++;
  return lo;
}

/**
 * Map the old span [start, end) (end > start) through the diff. An edge whose character was replaced
 * maps to the edge of its replacement (a changed first or last word stays inside the claim); text
 * inserted right before or after the span stays outside it.
 */
export function mapSpan(diff: RevisionDiff, start: number, end: number, reach = 32): MappedSpan | null {
  const segs = diff.segments;
  if (segs.length === 0) return null;
  const first = segmentAt(segs, start);
  const last = segmentAt(segs, end - 1);
  const a = segs[first];
  const b = segs[last];
  if (start < a.oldStart || start >= a.oldEnd || end - 1 < b.oldStart || end - 1 >= b.oldEnd) return null;
  const newStart = a.equal ? a.newStart + (start - a.oldStart) : start === a.oldStart ? a.newStart : edgeInside(diff, a, start, "start");
  const newEnd = b.equal ? b.newStart + (end - b.oldStart) : end === b.oldEnd ? b.newEnd : edgeInside(diff, b, end, "end");
  let kept = 0;
  let keptWords = 0;
  for (let k = first; k <= last; k++) {
    const s = segs[k];
    if (!s.equal) continue;
    const from = Math.max(start, s.oldStart);
    const to = Math.min(end, s.oldEnd);
    kept += to - from;
    // A span inside one equal segment keeps all its words; count them only where it matters.
    if (first !== last) keptWords += wordCharacters(diff.oldText.slice(from, to));
  }
  const keptBefore = a.equal ? Math.min(reach, start - a.oldStart) : 0;
  const keptAfter = b.equal ? Math.min(reach, b.oldEnd - end) : 0;
  return { start: newStart, end: Math.max(newStart, newEnd), kept, keptWords, clean: first === last && a.equal, keptBefore, keptAfter };
}

const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);
const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);

/**
 * Where an edge falls inside a replacement that straddles it (words beside the claim were replaced together
 * with its first or last word): as many words of the replacement stay outside the claim as the old text had
 * outside it, counted from the far side; the replacement's edge if it has too few.
 */
function edgeInside(diff: RevisionDiff, seg: Segment, at: number, side: "start" | "end"): number {
  const outside = side === "start" ? diff.oldText.slice(seg.oldStart, at) : diff.oldText.slice(at, seg.oldEnd);
  const skip = outside.match(wordToken)?.length ?? 0;
  const words = [...diff.newText.slice(seg.newStart, seg.newEnd).matchAll(wordToken)];
  if (side === "start") {
    const w = words[skip];
    return w ? seg.newStart + w.index : seg.newEnd;
  }
  const w = words[words.length - 1 - skip];
  return w ? seg.newStart + w.index + w[0].length : seg.newStart;
}

/**
 * Equal stretches without a letter or digit between two replacements (a comma, a space) line up by chance:
 * they become part of one replacement, so that they cannot pull a claim's edge out of its words.
 */
function absorbChance(segments: Segment[], oldText: string): Segment[] {
  const out: Segment[] = [];
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k];
    const prev = out[out.length - 1];
    const next = segments[k + 1];
    if (s.equal && prev && !prev.equal && next && !next.equal && wordCharacters(oldText.slice(s.oldStart, s.oldEnd)) === 0) {
      prev.oldEnd = next.oldEnd;
      prev.newEnd = next.newEnd;
      k++;
      continue;
    }
    if (!s.equal && prev && !prev.equal) {
      prev.oldEnd = s.oldEnd;
      prev.newEnd = s.newEnd;
      continue;
    }
    out.push({ ...s });
  }
  return out;
}

const wordToken = /[\p{L}\p{N}\p{M}]+/gu;
