/**
 * A Hypothesis-style re-anchoring baseline, for comparison only (it is not part of the worker).
 * It follows the Hypothesis client's anchoring: the position selector when the text there equals
 * the quote, otherwise approx-string-match with Hypothesis's error budget and scoring (quote 50,
 * prefix 20, suffix 20, position 2) and no minimum score: the best candidate is always placed.
 * No normalisation, and no `changed` status: an edited quote found approximately is placed.
 */
import approxSearch from "approx-string-match";
import type { Match as StringMatch } from "approx-string-match";
import { indexCodePoints } from "../../worker/domain/anchoring/code-point-index";
import type { CodePointIndex } from "../../worker/domain/anchoring/code-point-index";
import type { TextSelector } from "../../worker/domain/text-selector";

/** The new text with its code point offsets, prepared once per revision like Factline's. */
export interface BaselineText {
  text: string;
  codePoints: CodePointIndex;
}

export function prepareBaseline(text: string): BaselineText {
  return { text, codePoints: indexCodePoints(text) };
}

export interface BaselineResult {
  status: "anchored" | "moved" | "orphaned";
  selector: { start: number; end: number; exact: string } | null;
}

/** Exact occurrences first (cheap), else approximate matches with at most `maxErrors` edits. */
function search(text: string, pattern: string, maxErrors: number): StringMatch[] {
  const exact: StringMatch[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) exact.push({ start: at, end: at + pattern.length, errors: 0 });
  return exact.length > 0 ? exact : approxSearch(text, pattern, maxErrors);
}

/** 1 minus the edit fraction of the best match of `pattern` inside `text`. */
function textMatchScore(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const matches = search(text, pattern, pattern.length);
  return 1 - matches[0].errors / pattern.length;
}

/** Hypothesis's matchQuote: the best-scoring approximate match, or null when none is within the error budget. */
export function matchQuote(text: string, quote: string, context: { prefix?: string; suffix?: string; hint?: number }) {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = search(text, quote, maxErrors);
  if (matches.length === 0) return null;
  const quoteWeight = 50;
  const prefixWeight = 20;
  const suffixWeight = 20;
  const posWeight = 2;
  const scored = matches.map((m) => {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix ? textMatchScore(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const suffixScore = context.suffix ? textMatchScore(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const posScore = typeof context.hint === "number" ? 1 - Math.abs(m.start - context.hint) / text.length : 1;
    const raw = quoteWeight * quoteScore + prefixWeight * prefixScore + suffixWeight * suffixScore + posWeight * posScore;
    return { start: m.start, end: m.end, score: raw / (quoteWeight + prefixWeight + suffixWeight + posWeight) };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored[0];
}

/** Re-anchor as Hypothesis does: position first, then the quote, always placing the best candidate. */
export function baselineReanchor(selector: TextSelector, doc: BaselineText): BaselineResult {
  const cp = doc.codePoints;
  const s = cp.toUtf16(selector.start);
  const e = cp.toUtf16(selector.end);
  if (selector.end <= cp.length && doc.text.slice(s, e) === selector.exact) {
    return { status: "anchored", selector: { start: selector.start, end: selector.end, exact: selector.exact } };
  }
  const match = matchQuote(doc.text, selector.exact, { prefix: selector.prefix, suffix: selector.suffix, hint: s });
  if (!match) return { status: "orphaned", selector: null };
  const start = cp.toCodePoint(match.start);
  const end = cp.toCodePoint(match.end, true);
  const same = start === selector.start && end === selector.end;
  return { status: same ? "anchored" : "moved", selector: { start, end, exact: doc.text.slice(match.start, match.end) } };
}
