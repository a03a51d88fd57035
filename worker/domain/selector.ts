import { codePointLength, codePointSlice } from "./codepoints";

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
