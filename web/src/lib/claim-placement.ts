/**
 * What the workspace needs to show and resolve re-anchored claims: which claims can be drawn in the
 * current text, which need a person, the context around a quote, and the selector pairs sent to
 * POST /api/claims/:id/anchor. Pure, so it is tested without a browser.
 */
import type { AnchorStatus } from "../../../schema/enums";

/** A quote with the text just around it (a TextQuoteSelector's fields). */
export interface QuoteContext {
  exact: string;
  prefix: string;
  suffix: string;
}

/** A place in a text: a quote with its context and its code point offsets. */
export interface PlacedQuote extends QuoteContext {
  start: number;
  end: number;
}

/** The claim fields that say where it is anchored. */
export interface AnchorInfo {
  anchorStatus: AnchorStatus | string;
  needsReview?: boolean;
}

/** The selector pair the API takes for a place in the current revision. */
export type SelectorPair = [
  { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
  { type: "TextPositionSelector"; start: number; end: number },
];

/**
 * Is the claim's selector a place in the CURRENT revision? Changed and orphaned claims keep their old
 * revision's offsets until a person places them, so drawing them over the new text would mark the wrong words.
 */
export const placedInCurrent = (claim: AnchorInfo) => claim.anchorStatus === "anchored" || claim.anchorStatus === "moved";

/** Does a person need to look at this claim's place: moved, changed or orphaned, or flagged for re-review? */
export const needsAttention = (claim: AnchorInfo) => claim.anchorStatus !== "anchored" || Boolean(claim.needsReview);

/** The API's selector pair for a place (context is sent along; the server recomputes it from the text). */
export function selectorPair(place: PlacedQuote): SelectorPair {
  return [
    { type: "TextQuoteSelector", exact: place.exact, prefix: place.prefix, suffix: place.suffix },
    { type: "TextPositionSelector", start: place.start, end: place.end },
  ];
}

/** White space as one space, paragraph breaks as " ¶ ", so context reads on one line. */
const oneLine = (s: string) => s.replace(/\s*\n\s*\n\s*/g, " ¶ ").replace(/\s+/g, " ");

/**
 * The context to show around a quote: the words before and after it on one line, with "…" where the
 * stored context was cut (it always is, unless the quote is at the very start or end of the text).
 */
export function contextParts(quote: QuoteContext, ellipsis = "…"): { before: string; exact: string; after: string } {
  return {
    before: quote.prefix ? `${ellipsis}${oneLine(quote.prefix)}` : "",
    exact: oneLine(quote.exact),
    after: quote.suffix ? `${oneLine(quote.suffix)}${ellipsis}` : "",
  };
}

/** A confidence between 0 and 1 as a whole percentage; null when there is none. */
export function confidencePercent(confidence: number | null | undefined): number | null {
  if (confidence === null || confidence === undefined || Number.isNaN(confidence)) return null;
  return Math.round(Math.min(1, Math.max(0, confidence)) * 100);
}

/** How many claims ended up in each anchor status, in the order a person should read them (worst first). */
export function outcomeCounts(claims: readonly { anchor: { status: AnchorStatus | string } }[]): { status: AnchorStatus; count: number }[] {
  const order: AnchorStatus[] = ["orphaned", "changed", "moved", "anchored"];
  return order.map((status) => ({ status, count: claims.filter((c) => c.anchor.status === status).length })).filter((r) => r.count > 0);
}
