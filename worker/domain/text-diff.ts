import { diffWordsWithSpace } from "diff";

export interface DiffPart {
  op: "equal" | "insert" | "delete";
  text: string;
}

/** A word-level diff of two revisions' texts, for a person comparing what the publisher changed. */
export function textDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    op: part.added ? "insert" : part.removed ? "delete" : "equal",
    text: part.value,
  }));
}
