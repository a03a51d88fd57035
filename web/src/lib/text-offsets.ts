/**
 * The article editor shows paragraphs; selectors count code points in the canonical text, which is
 * those paragraphs joined by "\n\n". This module maps between ProseMirror positions and those offsets.
 * It works on the paragraphs' plain text only, so it is tested without a browser.
 */
import { codePointIndex, codePointLength, utf16Index } from "../../../schema/text/code-points";
import { paragraphSeparator, paragraphsToText } from "../../../schema/text/paragraphs";

/** One paragraph's place in both coordinate systems. */
interface ParagraphSpan {
  /** ProseMirror position of the paragraph's first character (just inside its opening token). */
  pmStart: number;
  /** UTF-16 index of the paragraph's first character in the canonical text. */
  textStart: number;
  length: number;
}

/** Maps positions of a paragraphs-only ProseMirror document to offsets in its canonical text. */
export interface TextOffsets {
  /** The canonical text: the paragraphs joined by a blank line. */
  text: string;
  /** Code point offset in the canonical text of ProseMirror position `pos`; a position between paragraphs snaps to the next paragraph's start. */
  toCodePoint(pos: number): number;
  /** ProseMirror position of code point offset `cp`; offsets inside a separator snap to the end of the paragraph before it. */
  toPosition(cp: number): number;
}

/** Build the mapping for a document whose top-level nodes are paragraphs with these texts. */
export function textOffsets(paragraphs: readonly string[]): TextOffsets {
  const spans: ParagraphSpan[] = [];
  let pm = 0;
  let textIndex = 0;
  for (const p of paragraphs) {
    spans.push({ pmStart: pm + 1, textStart: textIndex, length: p.length });
    pm += p.length + 2;
    textIndex += p.length + paragraphSeparator.length;
  }
  const text = paragraphsToText(paragraphs);

  function toUtf16(pos: number): number {
    for (const s of spans) {
      // A position before this paragraph's text (its opening token, or the gap before it) snaps to its start.
      if (pos <= s.pmStart + s.length) return s.textStart + Math.max(0, pos - s.pmStart);
    }
    return text.length;
  }

  function fromUtf16(index: number): number {
    if (spans.length === 0) return 0;
    for (let i = spans.length - 1; i >= 0; i--) {
      const s = spans[i];
      if (index >= s.textStart) return s.pmStart + Math.min(index - s.textStart, s.length);
    }
    return spans[0].pmStart;
  }

  return {
    text,
    toCodePoint: (pos) => codePointIndex(text, toUtf16(pos)),
    toPosition: (cp) => fromUtf16(utf16Index(text, cp)),
  };
}

/** A selection in code points, shrunk so that it neither starts nor ends with white space; null when nothing but space is left. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  const from = utf16Index(text, Math.min(start, end));
  const to = utf16Index(text, Math.max(start, end));
  const slice = text.slice(from, to);
  const lead = slice.length - slice.trimStart().length;
  const trimmed = slice.trim();
  if (!trimmed) return null;
  const s = codePointIndex(text, from + lead);
  return { start: s, end: s + codePointLength(trimmed) };
}
