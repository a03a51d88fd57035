import { diffWordsWithSpace } from "diff";

export interface DiffPart {
  op: "equal" | "insert" | "delete";
  text: string;
}

/** Past this many edits a word diff costs too much CPU for a request, and says little to a reader anyway. */
export const maxDiffEdits = 5000;

/** A word-level diff of two revisions' texts, for a person comparing what the publisher changed; null when they differ too much. */
export function textDiff(before: string, after: string): DiffPart[] | null {
  const parts = diffWordsWithSpace(before, after, { maxEditLength: maxDiffEdits });
  if (!parts) return null;
  return parts.map((part) => ({
    op: part.added ? "insert" : part.removed ? "delete" : "equal",
    text: part.value,
  }));
}
