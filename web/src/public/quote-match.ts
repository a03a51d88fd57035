/**
 * Finding a fact-checked quote in a publisher's page text: pure string functions, so that the part
 * that decides where a verdict appears can be tested without a browser.
 *
 * The publisher's DOM rarely matches our canonical text character for character: paragraphs become
 * sibling elements with no whitespace between them, lines are wrapped, spaces are non-breaking,
 * apostrophes are curly. So both sides are folded with the one table the duplicate check and the
 * anchoring use (schema/text/fold.ts), whitespace dropped rather than collapsed, and every folded
 * character remembers where it came from. Only the exact quote (after folding) is accepted: a fuzzy
 * match could put a verdict on words the fact-checkers never checked, and a missed highlight is
 * better than a wrong one.
 */
import { foldWithMap, type FoldMap } from "../../../schema/text/fold";

/** The quote to find and the text around it in our copy of the article (W3C TextQuoteSelector). */
export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** UTF-16 offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Fold page text for comparison (schema/text/fold.ts), dropping whitespace: paragraphs are sibling elements with nothing between them. */
export function foldPageText(text: string): FoldMap {
  return foldWithMap(text, "drop");
}

// Context weights, as in the Hypothesis client's match-quote.ts: the quote itself must match (it is
// required here, not weighed), and its prefix and suffix count equally. Scores are fractions of
// these weights, so a candidate with both contexts intact scores 40.
const prefixWeight = 20;
const suffixWeight = 20;

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * How well the folded text around a candidate at [start, end) agrees with the folded prefix and
 * suffix: the share of each context that matches, read outwards from the quote, weighted.
 */
export function contextScore(folded: string, start: number, end: number, prefix: string, suffix: string): number {
  let score = 0;
  if (prefix) score += (prefixWeight * commonSuffixLength(folded.slice(Math.max(0, start - prefix.length), start), prefix)) / prefix.length;
  if (suffix) score += (suffixWeight * commonPrefixLength(folded.slice(end, end + suffix.length), suffix)) / suffix.length;
  return score;
}

/** Every start index of `needle` in `haystack`, overlapping ones included. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/**
 * Where the quote is in `text`, as UTF-16 offsets into `text`, or null.
 *
 * With one occurrence, that is it. With several, the one whose surroundings best match the prefix
 * and suffix wins; when two are equally good (no context to tell them apart, or identical context)
 * the answer is null, because either could be the wrong one.
 */
export function matchQuote(text: string, selector: QuoteSelector): Span | null {
  const quote = foldPageText(selector.exact).text;
  if (!quote) return null;
  const { text: folded, starts, ends } = foldPageText(text);
  const found = occurrences(folded, quote);
  if (found.length === 0) return null;
  let best = found[0];
  if (found.length > 1) {
    const prefix = foldPageText(selector.prefix ?? "").text;
    const suffix = foldPageText(selector.suffix ?? "").text;
    const scored = found.map((at) => ({ at, score: contextScore(folded, at, at + quote.length, prefix, suffix) })).sort((a, b) => b.score - a.score);
    if (scored[0].score === scored[1].score) return null;
    best = scored[0].at;
  }
  return { start: starts[best], end: ends[best + quote.length - 1] };
}
