/**
 * Highlighted snippets, escaped by construction: FTS5's snippet() marks each hit with two control
 * characters that no article or claim holds, and `snippetParts` cuts the text there into plain pieces.
 * Whoever renders them (JSX, DOM textContent) escapes each piece; no HTML is ever put together from them.
 */

/** Where a hit starts and ends in a snippet() result. */
export const hitOpen = "\u0002";
export const hitClose = "\u0003";

/** A piece of a snippet: plain text, a hit or not. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** The pieces of a marked snippet, in order; stray markers are dropped, never shown. */
export function snippetParts(marked: string | null | undefined): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  let text = "";
  const flush = () => {
    if (text) parts.push({ text, hit });
    text = "";
  };
  for (const ch of marked ?? "") {
    if (ch === hitOpen || ch === hitClose) {
      flush();
      hit = ch === hitOpen;
    } else text += ch;
  }
  flush();
  return parts;
}
