/** An article's canonical text is its paragraphs joined by a blank line; selectors index into it. */

/** Separator between paragraphs in the canonical text; Tiptap's getText() uses the same by default. */
export const paragraphSeparator = "\n\n";

/** The canonical text that selectors index into. */
export function paragraphsToText(paragraphs: readonly string[]): string {
  return paragraphs.join(paragraphSeparator);
}
