import { codePointLength } from "../codepoints";
import { findApprox, findExact, rankCandidates, scoreCandidate } from "./match-quote";
import type { Candidate, QuoteQuery } from "./match-quote";
import { normalizeQuote } from "./normalize";
import { describePrepared, originalRange, prepareText } from "./prepared-text";
import type { PreparedText } from "./prepared-text";
import { contextLength as defaultContextLength } from "./selector";
import type { TextSelector } from "./selector";

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
/** Context similarity that confirms the exact quote at its old offsets without looking elsewhere. */
const CONFIRMING_CONTEXT = 0.75;
/** Context similarity needed to place a quote (or suggest an edited one) away from its old offsets. */
const MIN_CONTEXT = 0.5;
/** Short quotes occur by chance; they need more of their context. */
const MIN_CONTEXT_SHORT = 0.7;
/** Folded length under which a quote counts as short. */
const SHORT_QUOTE = 24;
/**
 * Code points from which a quote found verbatim exactly once is placed even when its context changed
 * (a moved paragraph): a sentence this long does not recur by chance.
 */
const DISTINCTIVE_QUOTE = 40;
/** Evidence difference (about one context character) under which two places tie and the claim is ambiguous. */
const AMBIGUITY_MARGIN = 0.01;
/** Edits allowed in an approximate match, per quote character and at most; bounds both cost and false matches. */
const MAX_ERROR_RATIO = 1 / 4;
const MAX_ERRORS = 64;
/** Folded characters searched on each side of the old position before the whole text. */
const NEARBY = 64;

const orphaned = (reason: OrphanReason): ReanchorResult => ({ status: "orphaned", confidence: 0, selector: null, reason });

/** Re-anchor `selector` (made on an older revision) in `newText`; pass a PreparedText when re-anchoring many claims. */
export function reanchor(selector: TextSelector, newText: string | PreparedText, options: ReanchorOptions = {}): ReanchorResult {
  const doc = typeof newText === "string" ? prepareText(newText) : newText;
  const context = options.contextLength ?? defaultContextLength;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const folded = doc.normalized;
  const text = folded.text;
  const quote = normalizeQuote(selector.exact);
  if (quote.length === 0) return orphaned("not-found");

  const oldStart = doc.codePoints.toUtf16(selector.start);
  const query: QuoteQuery = {
    quote,
    prefix: normalizeQuote(selector.prefix),
    suffix: normalizeQuote(selector.suffix),
    hint: folded.fromOriginal[oldStart],
  };
  const minContext = quote.length < SHORT_QUOTE ? MIN_CONTEXT_SHORT : MIN_CONTEXT;
  const place = (c: Candidate): ReanchorResult => {
    const range = originalRange(doc, c.start, c.end);
    const same = range.start === selector.start && range.end === selector.end;
    return { status: same ? "anchored" : "moved", confidence: c.score, selector: describePrepared(doc, range.start, range.end, context) };
  };

  // (a) The quote at its old offsets, with its context around it: nothing moved.
  if (selector.end <= doc.codePoints.length && doc.text.slice(oldStart, doc.codePoints.toUtf16(selector.end)) === selector.exact) {
    const at = query.hint;
    if (text.startsWith(quote, at)) {
      const home = scoreCandidate(text, query, at, at + quote.length, 0);
      if (home.context >= CONFIRMING_CONTEXT) {
        return { status: "anchored", confidence: 1, selector: describePrepared(doc, selector.start, selector.end, context) };
      }
    }
  }

  // (b) The same words elsewhere (or restyled in place): context decides, and a tie is not decided.
  const exactStarts = findExact(text, quote);
  if (exactStarts.length > 0) {
    const { best, runnerUp } = rankCandidates(exactStarts.map((s) => scoreCandidate(text, query, s, s + quote.length, 0)));
    if (best!.context >= minContext) {
      if (runnerUp && best!.evidence - runnerUp.evidence < AMBIGUITY_MARGIN) return orphaned("ambiguous");
      return place(best!);
    }
    if (!runnerUp && codePointLength(quote) >= DISTINCTIVE_QUOTE) return place(best!);
    // Found only out of context: the claim's own words may have been edited; look for them below.
  }

  // (c) The words edited: an approximate match, near the old position first. Never placed, only suggested.
  const maxErrors = Math.min(Math.floor(quote.length * MAX_ERROR_RATIO), MAX_ERRORS);
  if (maxErrors < 1) return orphaned("not-found");
  const masked = exactStarts.map((s) => ({ start: s, end: s + quote.length }));
  const score = (found: { start: number; end: number; errors: number }[]) =>
    found.filter((m) => m.errors > 0).map((m) => scoreCandidate(text, query, m.start, m.end, m.errors));
  const decide = (candidates: Candidate[]): ReanchorResult => {
    const { best, runnerUp } = rankCandidates(candidates);
    if (!best) return orphaned("not-found");
    if (best.score < threshold || best.context < minContext) return orphaned("weak-match");
    if (runnerUp && best.evidence - runnerUp.evidence < AMBIGUITY_MARGIN) return orphaned("ambiguous");
    const range = originalRange(doc, best.start, best.end);
    return { status: "changed", confidence: best.score, selector: describePrepared(doc, range.start, range.end, context) };
  };

  const pad = NEARBY + quote.length;
  const from = Math.max(0, query.hint - pad);
  const to = Math.min(text.length, query.hint + quote.length + pad);
  const nearby = score(findApprox(text, quote, maxErrors, from, to, masked));
  const local = decide(nearby);
  if (local.status === "changed" || local.reason === "ambiguous" || (from === 0 && to === text.length)) return local;
  const everywhere = score(findApprox(text, quote, maxErrors, 0, text.length, masked));
  return decide([...nearby, ...everywhere]);
}

/** Re-anchor many selectors against one new revision, preparing its text once. */
export function reanchorAll(selectors: readonly TextSelector[], newText: string, options: ReanchorOptions = {}): ReanchorResult[] {
  const doc = prepareText(newText);
  return selectors.map((s) => reanchor(s, doc, options));
}
