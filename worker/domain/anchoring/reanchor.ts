import { codePointLength } from "../../../schema/text/code-points";
import { findApprox, findExact, scoreCandidate } from "./match-quote";
import type { Candidate, QuoteQuery } from "./match-quote";
import { foldText } from "../../../schema/text/fold";
import { describePrepared, originalRange, prepareText } from "./prepared-text";
import type { PreparedText } from "./prepared-text";
import { contextLength as defaultContextLength } from "../text-selector";
import type { TextSelector } from "../text-selector";
import { contextSimilarity } from "./similarity";

/**
 * Re-anchoring a claim's selector in a new revision. A claim ends either where it belongs
 * (`anchored`, `moved`) or flagged for a person (`changed`, `orphaned`); a weak or ambiguous
 * match is never placed as a best guess.
 */

/**
 * anchored: the quote, same offsets. moved: the same quote (up to quote marks, dashes, whitespace, ё), elsewhere.
 * changed: the quote's words were edited; `selector` is a suggestion a person confirms. orphaned: not placed.
 */
export type AnchorStatus = "anchored" | "moved" | "changed" | "orphaned";

/** Why a claim was orphaned. */
export type OrphanReason = "ambiguous" | "not-found" | "weak-match";

/** The outcome of re-anchoring one selector. */
export interface ReanchorResult {
  status: AnchorStatus;
  /** 0..1; 1 only for the exact quote, with its context, at its old offsets; 0 when orphaned. */
  confidence: number;
  /** The selector in the new text (placed, or suggested when `changed`); null when orphaned. */
  selector: TextSelector | null;
  /** Set when orphaned. */
  reason?: OrphanReason;
}

/** Tuning; the defaults are what the tests and the benchmark measure. */
export interface ReanchorOptions {
  /** Code points of prefix and suffix in the returned selectors. */
  contextLength?: number;
  /** Lowest score (0..1) at which an edited quote is still suggested as `changed`. */
  threshold?: number;
}

/** Default `threshold`: below it an approximate match is too unlike the quote and its context to suggest. */
export const DEFAULT_THRESHOLD = 0.7;
/**
 * An intact quote is placed only with one side of its context intact too (at most ~3 edits in 32):
 * a quote whose surroundings changed on both sides is as likely another occurrence of the same words.
 */
const STRONG_SIDE = 0.9;
/**
 * A quote this long (code points) found verbatim exactly once is the claim's own sentence; one side of
 * its context agreeing this much is then enough (the paragraph before it replaced, a word after it edited).
 */
const DISTINCTIVE_QUOTE = 40;
const SUPPORTED_SIDE = 0.75;
/** Prefix and suffix together must still agree this much to place a quote or suggest an edited one. */
const MIN_CONTEXT = 0.5;
/** Short quotes occur by chance; they need more of their context. */
const MIN_CONTEXT_SHORT = 0.6;
/** Folded length under which a quote counts as short. */
const SHORT_QUOTE = 24;
/** Evidence difference (about one context character) under which two places tie. */
const AMBIGUITY_MARGIN = 0.01;
/** Edit budget of the search over the whole text, per quote character and at most: bounds cost and false matches. */
const MAX_ERROR_RATIO = 1 / 4;
const MAX_ERRORS = 64;
/** Near the old position, with both sides of the context intact, a quote may have been rewritten up to half. */
const NEARBY_ERROR_RATIO = 1 / 2;
/** Folded characters searched on each side of the old position before the whole text. */
const NEARBY = 64;

const orphaned = (reason: OrphanReason): ReanchorResult => ({ status: "orphaned", confidence: 0, selector: null, reason });
const overlaps = (a: Candidate, b: Candidate) => a.start < b.end && b.start < a.end;

/** Re-anchor `selector` (made on an older revision) in `newText`; pass a PreparedText when re-anchoring many claims. */
export function reanchor(selector: TextSelector, newText: string | PreparedText, options: ReanchorOptions = {}): ReanchorResult {
  const doc = typeof newText === "string" ? prepareText(newText) : newText;
  const context = options.contextLength ?? defaultContextLength;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const cp = doc.codePoints;
  if (selector.exact.length === 0) return orphaned("not-found");

  // (a) The quote at its old offsets with its context untouched: the usual case, decided without folding anything.
  const oldStart = cp.toUtf16(selector.start);
  const oldEnd = cp.toUtf16(selector.end);
  const atHome = selector.end <= cp.length && doc.text.slice(oldStart, oldEnd) === selector.exact;
  const before = atHome ? doc.text.slice(Math.max(0, oldStart - selector.prefix.length), oldStart) : "";
  const after = atHome ? doc.text.slice(oldEnd, oldEnd + selector.suffix.length) : "";
  if (atHome && before === selector.prefix && after === selector.suffix) {
    return { status: "anchored", confidence: 1, selector: describePrepared(doc, selector.start, selector.end, context) };
  }

  // (b, fast) The verbatim quote once in the whole text, with one side of its context verbatim too
  // (a paragraph inserted or deleted above it): placed without folding the text.
  const rawAt = doc.text.indexOf(selector.exact);
  if (rawAt !== -1 && doc.text.indexOf(selector.exact, rawAt + 1) === -1) {
    const raw = scoreCandidate(doc.text, { quote: selector.exact, prefix: selector.prefix, suffix: selector.suffix, hint: oldStart }, rawAt, rawAt + selector.exact.length, 0);
    const minRaw = selector.exact.length < SHORT_QUOTE ? MIN_CONTEXT_SHORT : MIN_CONTEXT;
    if (Math.max(raw.prefix, raw.suffix) === 1 && raw.context >= minRaw) {
      const start = cp.toCodePoint(rawAt);
      const end = cp.toCodePoint(rawAt + selector.exact.length);
      const same = start === selector.start && end === selector.end;
      // At its old offsets this is (a) with a context edited beside it: the same certainty.
      return { status: same ? "anchored" : "moved", confidence: same ? 1 : raw.score, selector: describePrepared(doc, start, end, context) };
    }
  }

  const quote = foldText(selector.exact);
  if (quote.length === 0) return orphaned("not-found");
  const query: QuoteQuery = { quote, prefix: foldText(selector.prefix), suffix: foldText(selector.suffix), hint: 0 };
  const minContext = quote.length < SHORT_QUOTE ? MIN_CONTEXT_SHORT : MIN_CONTEXT;
  const confirmed = (c: Candidate) => c.context >= minContext && Math.max(c.prefix, c.suffix) >= STRONG_SIDE;

  // Still (a): the quote at its old offsets with its context edited a little (a typo fixed beside it).
  if (atHome) {
    const foldedBefore = foldText(before);
    const home = scoreCandidate(foldedBefore + quote + foldText(after), query, foldedBefore.length, foldedBefore.length + quote.length, 0);
    if (confirmed(home)) return { status: "anchored", confidence: 1, selector: describePrepared(doc, selector.start, selector.end, context) };
  }

  const folded = doc.normalized;
  const text = folded.text;
  query.hint = folded.offset(oldStart);
  const score = (start: number, end: number, errors: number) => scoreCandidate(text, query, start, end, errors);
  /** Context read from the real text: breaks a tie that folding created (a paragraph break against a space). */
  const typographic = (c: Candidate) => {
    const s = folded.start(c.start);
    const e = folded.end(c.end - 1);
    const before = contextSimilarity(selector.prefix, doc.text.slice(Math.max(0, s - selector.prefix.length - 8), s), "before");
    const after = contextSimilarity(selector.suffix, doc.text.slice(e, e + selector.suffix.length + 8), "after");
    return (before + after) / 2;
  };
  /** The one acceptable candidate clearly ahead of every other place, "ambiguous", or null when none is acceptable. */
  const choose = (candidates: Candidate[], acceptable: (c: Candidate) => boolean): Candidate | "ambiguous" | null => {
    const sorted = [...candidates].sort((a, b) => b.score - a.score || a.start - b.start);
    const best = sorted[0];
    if (!best || !acceptable(best)) return null;
    const rivals = sorted.filter((c) => !overlaps(c, best) && best.evidence - c.evidence < AMBIGUITY_MARGIN);
    if (rivals.length === 0) return best;
    const tied = [best, ...rivals].map((c) => ({ c, typo: typographic(c) })).sort((a, b) => b.typo - a.typo);
    return tied[0].typo - tied[1].typo >= AMBIGUITY_MARGIN && acceptable(tied[0].c) ? tied[0].c : "ambiguous";
  };
  const toSelector = (c: Candidate) => {
    const range = originalRange(doc, c.start, c.end);
    return describePrepared(doc, range.start, range.end, context);
  };

  // (b) The same words elsewhere, or restyled in place: the context decides, and a tie is not decided.
  const exactStarts = findExact(text, quote);
  if (exactStarts.length > 0) {
    const distinctive = exactStarts.length === 1 && codePointLength(quote) >= DISTINCTIVE_QUOTE;
    const placeable = (c: Candidate) => confirmed(c) || (distinctive && c.context >= minContext && Math.max(c.prefix, c.suffix) >= SUPPORTED_SIDE);
    const chosen = choose(exactStarts.map((s) => score(s, s + quote.length, 0)), placeable);
    if (chosen === "ambiguous") return orphaned("ambiguous");
    if (chosen) {
      const sel = toSelector(chosen);
      const same = sel.start === selector.start && sel.end === selector.end;
      return { status: same ? "anchored" : "moved", confidence: chosen.score, selector: sel };
    }
    // Found only out of context: the claim's own words may have been edited; look for them below.
  }

  // (c) The words edited: an approximate match, near the old position first. Never placed, only suggested.
  const masked = exactStarts.map((s) => ({ start: s, end: s + quote.length }));
  const wideBudget = Math.min(Math.floor(quote.length * MAX_ERROR_RATIO), MAX_ERRORS);
  const nearBudget = Math.min(Math.floor(quote.length * NEARBY_ERROR_RATIO), MAX_ERRORS);
  const suggestible = (c: Candidate) =>
    c.score >= threshold && c.context >= minContext && (c.errors <= wideBudget || Math.min(c.prefix, c.suffix) >= STRONG_SIDE);
  const found = (from: number, to: number, budget: number) =>
    budget < 1 ? [] : findApprox(text, quote, budget, from, to, masked).filter((m) => m.errors > 0).map((m) => score(m.start, m.end, m.errors));
  const suggest = (c: Candidate): ReanchorResult => ({ status: "changed", confidence: c.score, selector: toSelector(refine(text, query, c, nearBudget)) });

  const pad = NEARBY + quote.length;
  const from = Math.max(0, query.hint - pad);
  const to = Math.min(text.length, query.hint + quote.length + pad);
  const nearby = found(from, to, nearBudget);
  const local = choose(nearby, suggestible);
  if (local === "ambiguous") return orphaned("ambiguous");
  if (local) return suggest(local);
  const everywhere = from === 0 && to === text.length ? [] : found(0, text.length, wideBudget);
  const chosen = choose([...nearby, ...everywhere], suggestible);
  if (chosen === "ambiguous") return orphaned("ambiguous");
  if (chosen) return suggest(chosen);
  return orphaned(nearby.length + everywhere.length > 0 ? "weak-match" : "not-found");
}

/**
 * Snap an approximate match's edges to where the stored context resumes verbatim: approx-string-match
 * returns the fewest-error span, which can stop short of (or run past) a rewritten word at the edge.
 */
function refine(text: string, query: QuoteQuery, c: Candidate, reach: number): Candidate {
  /** The place within `reach` of `at`, nearest first, where `probe` occurs; `at` when nowhere. */
  const nearest = (at: number, probe: string, offset: number, lo: number, hi: number) => {
    if (probe.length === 0) return at;
    let best = at;
    let bestDistance = Infinity;
    const from = Math.max(0, at - reach - offset);
    for (let p = text.indexOf(probe, from); p !== -1 && p - offset <= at + reach; p = text.indexOf(probe, p + 1)) {
      const edge = p + offset;
      if (edge >= lo && edge <= hi && Math.abs(edge - at) < bestDistance) {
        best = edge;
        bestDistance = Math.abs(edge - at);
      }
    }
    return best;
  };
  // The stored context's characters next to the quote, enough to be unlikely by chance.
  const PROBE = 12;
  const prefixProbe = query.prefix.slice(-PROBE);
  const suffixProbe = query.suffix.slice(0, PROBE);
  const start = prefixProbe.length < PROBE ? c.start : nearest(c.start, prefixProbe, prefixProbe.length, 0, c.end - 1);
  const end = suffixProbe.length < PROBE ? c.end : nearest(c.end, suffixProbe, 0, start + 1, text.length);
  return { ...c, start, end };
}

/** Re-anchor many selectors against one new revision, preparing its text once. */
export function reanchorAll(selectors: readonly TextSelector[], newText: string, options: ReanchorOptions = {}): ReanchorResult[] {
  const doc = prepareText(newText);
  return selectors.map((s) => reanchor(s, doc, options));
}
