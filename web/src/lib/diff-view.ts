/** Shaping a revision diff for reading: long unchanged stretches are cut down to the words next to a change. Pure. */

/** One part of the server's word diff. */
export interface DiffPart {
  op: "equal" | "insert" | "delete";
  text: string;
}

/** A part to show; `elided` marks an unchanged stretch shortened in the middle, start or end. */
export interface ShownPart extends DiffPart {
  elided: boolean;
}

/**
 * Keep at most `context` characters of unchanged text on each side of every change. The first
 * unchanged part keeps only its end, the last only its start, the others both ends around a "…".
 * Cuts fall on code point boundaries, so no emoji is split in half.
 */
export function condenseDiff(parts: readonly DiffPart[], context = 80): ShownPart[] {
  const last = parts.length - 1;
  return parts.map((part, i) => {
    const keepHead = i > 0;
    const keepTail = i < last;
    if (part.op !== "equal" || (!keepHead && !keepTail)) return { ...part, elided: false };
    const chars = Array.from(part.text);
    // A cut must save something worth the "…": leave stretches that are barely longer than what is kept.
    if (chars.length <= (keepHead && keepTail ? 2 * context : context) + 10) return { ...part, elided: false };
    const head = keepHead ? chars.slice(0, context).join("") : "";
    const tail = keepTail ? chars.slice(chars.length - context).join("") : "";
    const text = keepHead && keepTail ? `${head} … ${tail}` : keepHead ? `${head} …` : `… ${tail}`;
    return { op: "equal", text, elided: true };
  });
}

/** How many insertions and deletions a diff has (parts, not characters: what a reader counts). */
export function diffStats(parts: readonly DiffPart[]): { inserted: number; deleted: number } {
  return {
    inserted: parts.filter((p) => p.op === "insert" && p.text.trim()).length,
    deleted: parts.filter((p) => p.op === "delete" && p.text.trim()).length,
  };
}
