import { indexCodePoints } from "./code-point-index";
import type { CodePointIndex } from "./code-point-index";
import { normalizeForMatching } from "./normalize";
import type { NormalizedText } from "./normalize";
import { contextLength } from "../text-selector";
import type { TextSelector } from "../text-selector";

/**
 * A revision's text with what every re-anchoring against it needs, built once per revision:
 * the code point offsets, and the folded text with its map back.
 */
export interface PreparedText {
  readonly text: string;
  readonly codePoints: CodePointIndex;
  /** Built on first use: a revision whose claims all stayed in place never needs it. */
  readonly normalized: NormalizedText;
}

/** Prepare `text` for re-anchoring many claims against it. */
export function prepareText(text: string): PreparedText {
  let normalized: NormalizedText | undefined;
  return {
    text,
    codePoints: indexCodePoints(text),
    get normalized() {
      return (normalized ??= normalizeForMatching(text));
    },
  };
}

/** describeRange over a prepared text: the same selector, in constant time per offset. */
export function describePrepared(doc: PreparedText, start: number, end: number, context = contextLength): TextSelector {
  const cp = doc.codePoints;
  const at = (offset: number) => cp.toUtf16(offset);
  return {
    exact: doc.text.slice(at(start), at(end)),
    prefix: doc.text.slice(at(Math.max(0, start - context)), at(start)),
    suffix: doc.text.slice(at(end), at(Math.min(cp.length, end + context))),
    start,
    end,
  };
}

/** The code point range of the original text behind the folded range start..end (end exclusive, end > start). */
export function originalRange(doc: PreparedText, start: number, end: number): { start: number; end: number } {
  const n = doc.normalized;
  return {
    start: doc.codePoints.toCodePoint(n.start(start)),
    end: doc.codePoints.toCodePoint(n.end(end - 1), true),
  };
}
