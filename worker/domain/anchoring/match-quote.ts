import approxSearch from "approx-string-match";
import type { Match as StringMatch } from "approx-string-match";
import { contextSimilarity } from "./similarity";

/**
 * Finding and scoring the places where a quote may now be. Everything here works on folded
 * text (see normalize.ts) and folded UTF-16 offsets; reanchor.ts maps the winner back.
 */

/** A quote and its stored context, folded, and where it used to start in the new folded text. */
export interface QuoteQuery {
  quote: string;
  prefix: string;
  suffix: string;
  hint: number;
}

/** One place the quote may be, with the evidence for it. All similarities are 0..1. */
export interface Candidate {
  start: number;
  end: number;
  errors: number;
  /** Similarity of the text found to the quote. */
  quote: number;
  prefix: number;
  suffix: number;
  /** Prefix and suffix together. */
  context: number;
  position: number;
  /** Quote and context, without position: what decides between two places. */
  evidence: number;
  /** Everything, position included: what ranks candidates and becomes the confidence. */
  score: number;
}

// The weights agree with Hypothesis's; what differs is what re-anchoring does with the score (thresholds, ties, flags).
/** The words themselves are the main evidence. */
export const QUOTE_WEIGHT = 50;
/** The 32 code points before the quote: they tell two equal quotes apart. */
export const PREFIX_WEIGHT = 20;
/** The 32 code points after the quote. */
export const SUFFIX_WEIGHT = 20;
/** Closeness to the old position: a tie-breaker only, since an inserted paragraph moves every later claim. */
export const POSITION_WEIGHT = 2;

const EVIDENCE_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT;
const TOTAL_WEIGHT = EVIDENCE_WEIGHT + POSITION_WEIGHT;

/** Extra characters read beside a candidate, so that a few inserted characters do not push the context out of view. */
const CONTEXT_SLACK = 8;

/** Occurrences scored at most; a quote found more often than this is far too common to place by context. */
export const MAX_EXACT_CANDIDATES = 2000;

/** Score the candidate text.slice(start, end), found with `errors` edits. */
export function scoreCandidate(text: string, query: QuoteQuery, start: number, end: number, errors: number): Candidate {
  const quote = Math.max(0, 1 - errors / query.quote.length);
  const prefix = contextSimilarity(query.prefix, text.slice(Math.max(0, start - query.prefix.length - CONTEXT_SLACK), start), "before");
  const suffix = contextSimilarity(query.suffix, text.slice(end, end + query.suffix.length + CONTEXT_SLACK), "after");
  const position = 1 - Math.min(1, Math.abs(start - query.hint) / Math.max(1, text.length));
  const context = (PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix) / (PREFIX_WEIGHT + SUFFIX_WEIGHT);
  const evidence = (QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix) / EVIDENCE_WEIGHT;
  const score = (QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position) / TOTAL_WEIGHT;
  return { start, end, errors, quote, prefix, suffix, context, position, evidence, score };
}

/** Start offsets of the exact occurrences of `quote` in `text`, at most `limit` of them. */
export function findExact(text: string, quote: string, limit = MAX_EXACT_CANDIDATES): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1 && found.length < limit; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/**
 * The lowest-error approximate matches of `quote` in text[from, to), with the `masked` ranges blanked
 * first: approx-string-match returns only the best error count, so a rejected exact occurrence would
 * otherwise hide the edited quote behind it.
 */
export function findApprox(
  text: string,
  quote: string,
  maxErrors: number,
  from: number,
  to: number,
  masked: readonly { start: number; end: number }[] = [],
): StringMatch[] {
  let window = text.slice(from, to);
  const inside = masked.filter((m) => m.end > from && m.start < to);
  if (inside.length > 0) {
    const parts: string[] = [];
    let at = 0;
    for (const m of [...inside].sort((a, b) => a.start - b.start)) {
      const s = Math.max(at, m.start - from);
      const e = Math.min(window.length, m.end - from);
      if (e <= s) continue;
      parts.push(window.slice(at, s), "\u0000".repeat(e - s));
      at = e;
    }
    parts.push(window.slice(at));
    window = parts.join("");
  }
  return approxSearch(window, quote, maxErrors).map((m) => ({ start: m.start + from, end: m.end + from, errors: m.errors }));
}
