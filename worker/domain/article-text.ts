/** The canonical text of an article and its Tiptap form: paragraphs of plain text, nothing else. */

import { foldKey } from "../../schema/text/fold";

export interface TiptapTextDoc {
  type: "doc";
  content: { type: "paragraph"; content?: { type: "text"; text: string }[] }[];
}

/** The read-only Tiptap document of an article's text. */
export function paragraphsToDoc(paragraphs: readonly string[]): TiptapTextDoc {
  return {
    type: "doc",
    content: paragraphs.map((p) => ({ type: "paragraph", content: p ? [{ type: "text", text: p }] : undefined })),
  };
}

/**
 * A key for "the same article": the paragraphs folded as the anchoring folds text (schema/text/fold.ts),
 * trimmed and lower-cased. Two imports whose bodies share this key are duplicates, however their
 * lines were wrapped and whatever quote marks, dashes or ё their publishers used.
 */
export function duplicateKey(paragraphs: readonly string[]): string {
  return foldKey(paragraphs.join(" "));
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
