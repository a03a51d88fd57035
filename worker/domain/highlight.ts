import { paragraphSeparator } from "../../schema/text/paragraphs";

/** A highlighted range of the canonical text, in code points. */
export interface HighlightRange {
  id: number;
  start: number;
  end: number;
}

/** A run of text covered by the same set of highlights (none, one, or overlapping ones). */
export interface Segment {
  text: string;
  ids: number[];
}

/**
 * Split the canonical text into paragraphs of segments, cutting wherever a highlight starts or ends,
 * so overlapping claims render as nested-free runs that each know every claim covering them.
 */
export function highlightParagraphs(text: string, ranges: readonly HighlightRange[]): Segment[][] {
  const chars = Array.from(text);
  const sep = Array.from(paragraphSeparator);
  const cuts = new Set<number>([0, chars.length]);
  for (const r of ranges) {
    cuts.add(Math.max(0, Math.min(r.start, chars.length)));
    cuts.add(Math.max(0, Math.min(r.end, chars.length)));
  }
  // Paragraph boundaries are cuts too; the separator itself is dropped.
  const paragraphStarts: number[] = [0];
  for (let i = 0; i + sep.length <= chars.length; i++) {
    if (sep.every((ch, k) => chars[i + k] === ch)) {
      cuts.add(i);
      cuts.add(i + sep.length);
      paragraphStarts.push(i + sep.length);
      i += sep.length - 1;
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const paragraphs: Segment[][] = paragraphStarts.map(() => []);
  let p = 0;
  for (let k = 0; k + 1 < sorted.length; k++) {
    const from = sorted[k];
    const to = sorted[k + 1];
    while (p + 1 < paragraphStarts.length && from >= paragraphStarts[p + 1]) p++;
    const piece = chars.slice(from, to).join("");
    if (piece === paragraphSeparator || piece === "") continue;
    const ids = ranges.filter((r) => r.start < to && r.end > from).map((r) => r.id);
    paragraphs[p].push({ text: piece, ids });
  }
  return paragraphs;
}
