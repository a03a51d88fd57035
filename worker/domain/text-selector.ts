import { codePointLength, codePointSlice } from "../../schema/text/code-points";

/** A claim's place in a revision's canonical text: W3C quote and position, positions in code points. */
export interface TextSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** Context kept on each side of a quote, as Hypothesis keeps it. */
export const contextLength = 32;

/** The selector of the range start..end of `text`, with its prefix and suffix. */
export function describeRange(text: string, start: number, end: number, context = contextLength): TextSelector {
  return {
    exact: codePointSlice(text, start, end),
    prefix: codePointSlice(text, Math.max(0, start - context), start),
    suffix: codePointSlice(text, end, Math.min(codePointLength(text), end + context)),
    start,
    end,
  };
}

/** Whether `sel.exact` is the text at `sel.start..sel.end` of `text` (the position and quote selectors agree). */
export function selectorMatches(text: string, sel: TextSelector): boolean {
  if (!(Number.isInteger(sel.start) && Number.isInteger(sel.end)) || sel.start < 0 || sel.end < sel.start) return false;
  if (sel.end > codePointLength(text)) return false;
  return codePointSlice(text, sel.start, sel.end) === sel.exact;
}
