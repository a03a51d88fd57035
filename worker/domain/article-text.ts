/** The canonical text of an article and its Tiptap form: paragraphs of plain text, nothing else. */

/** Separator between paragraphs in the canonical text; Tiptap's getText() uses the same by default. */
export const paragraphSeparator = "\n\n";

export interface TiptapTextDoc {
  type: "doc";
  content: { type: "paragraph"; content?: { type: "text"; text: string }[] }[];
}

/** The canonical text that selectors index into. */
export function paragraphsToText(paragraphs: readonly string[]): string {
  return paragraphs.join(paragraphSeparator);
}

/** The read-only Tiptap document of an article's text. */
export function paragraphsToDoc(paragraphs: readonly string[]): TiptapTextDoc {
  return {
    type: "doc",
    content: paragraphs.map((p) => ({ type: "paragraph", content: p ? [{ type: "text", text: p }] : undefined })),
  };
}

/** Paragraphs of canonical text (inverse of paragraphsToText). */
export function textToParagraphs(text: string): string[] {
  return text.split(paragraphSeparator);
}

/**
 * A key for "the same article": NFC, typographic quotes and dashes folded, all whitespace collapsed.
 * Two imports whose bodies share this key are duplicates, however their lines were wrapped.
 */
export function duplicateKey(paragraphs: readonly string[]): string {
  return paragraphs
    .join(" ")
    .normalize("NFC")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/gu, " ")
    .trim()
    .toLowerCase();
}

/** The paragraphs of a Tiptap document: each top-level block's text; marks and other structure are dropped. */
export function docToParagraphs(doc: { content?: unknown[] }): string[] {
  const textOf = (node: unknown): string => {
    const n = node as { type?: string; text?: string; content?: unknown[] };
    if (n?.type === "text") return typeof n.text === "string" ? n.text : "";
    if (n?.type === "hardBreak") return " ";
    return Array.isArray(n?.content) ? n.content.map(textOf).join("") : "";
  };
  return (doc.content ?? []).map((block) => textOf(block).replace(/\s+/g, " ").trim()).filter(Boolean);
}
