/**
 * Three-way merge of a claim's editable content, for the moment a save meets a newer version.
 * Nothing typed may be lost: where both sides changed a field, the merge keeps both where it can
 * (explanation paragraphs, sources) and mine where it cannot (claimant, verdict), and says so.
 */

/** A source as the form holds it: every field a string, "" for empty. */
export interface SourceDraft {
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
  quote: string;
  /** Kept as loaded so that a save never drops them; the form does not show them. */
  accessedAt?: string;
  archivedUrl?: string;
}

/** Tiptap JSON of a rich-text explanation. */
export interface RichDoc {
  [key: string]: unknown;
  type: "doc";
  content?: unknown[];
}

/** The editable content of a claim. */
export interface ClaimDraft {
  claimant: { id: number | null; name: string; kind?: "person" | "organization" } | null;
  ratingKey: string | null;
  explanation: RichDoc | null;
  sources: SourceDraft[];
}

export type DraftField = keyof ClaimDraft;
export const draftFields: readonly DraftField[] = ["claimant", "ratingKey", "explanation", "sources"];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Fields whose values differ between two drafts. */
export function changedFields(a: ClaimDraft, b: ClaimDraft): DraftField[] {
  return draftFields.filter((f) => !same(a[f], b[f]));
}

/** Is this explanation empty (no text at all)? */
export function isEmptyDoc(doc: RichDoc | null): boolean {
  return !doc || !JSON.stringify(doc.content ?? []).includes('"text":');
}

function mergeExplanation(mine: RichDoc | null, theirs: RichDoc | null): RichDoc | null {
  if (isEmptyDoc(theirs)) return mine;
  if (isEmptyDoc(mine)) return theirs;
  const theirBlocks = theirs!.content ?? [];
  const seen = new Set(theirBlocks.map((b) => JSON.stringify(b)));
  const extra = (mine!.content ?? []).filter((b) => !seen.has(JSON.stringify(b)) && !isEmptyDoc({ type: "doc", content: [b] }));
  return { type: "doc", content: [...theirBlocks, ...extra] };
}

function mergeSources(base: SourceDraft[], mine: SourceDraft[], theirs: SourceDraft[]): SourceDraft[] {
  const baseUrls = new Set(base.map((s) => s.url));
  const mineByUrl = new Map(mine.map((s) => [s.url, s]));
  const theirUrls = new Set(theirs.map((s) => s.url));
  // Their list, with my edits of the same URLs; then what I added. A source either side removed stays gone only if the other left it untouched.
  const merged = theirs.map((s) => mineByUrl.get(s.url) ?? s);
  for (const s of mine) if (!theirUrls.has(s.url) && !baseUrls.has(s.url)) merged.push(s);
  return merged;
}

/** The result of a three-way merge: the merged draft, and the fields both sides changed differently. */
export interface MergeResult {
  merged: ClaimDraft;
  conflicts: DraftField[];
}

/** Merge `mine` and `theirs`, both derived from `base`. */
export function mergeDrafts(base: ClaimDraft, mine: ClaimDraft, theirs: ClaimDraft): MergeResult {
  const merged = { ...theirs };
  const conflicts: DraftField[] = [];
  for (const field of draftFields) {
    if (same(mine[field], theirs[field]) || same(mine[field], base[field])) continue; // theirs already
    if (same(theirs[field], base[field])) {
      (merged as Record<DraftField, unknown>)[field] = mine[field];
      continue;
    }
    conflicts.push(field);
    if (field === "explanation") merged.explanation = mergeExplanation(mine.explanation, theirs.explanation);
    else if (field === "sources") merged.sources = mergeSources(base.sources, mine.sources, theirs.sources);
    else (merged as Record<DraftField, unknown>)[field] = mine[field];
  }
  return { merged, conflicts };
}
