/**
 * The model of the model-based test: what should be true of one article and its claims, and the
 * four-eyes rules restated as plainly as possible (a second, independent statement of schema/workflow.ts;
 * the test fails when the two disagree). People are names, not ids, so shrunk sequences read well.
 */
import type { AnchorStatus, ClaimState } from "../../../schema/enums";

export const people = ["checker", "checker2", "editor", "editor2", "admin"] as const;
export type Person = (typeof people)[number];
export const isEditor = (p: Person) => p === "editor" || p === "editor2" || p === "admin";

export interface ModelClaim {
  id: number;
  version: number;
  state: ClaimState;
  author: Person;
  ratingKey: string | null;
  exact: string;
  anchorStatus: AnchorStatus;
  /** Everyone who changed the content since the last publication. */
  shapedBy: Set<Person>;
  proposal: { exact: string; by: Person } | null;
  pending: { ratingKey: string; by: Person } | null;
  claimant: string | null;
  /** The id of the annotation it was imported from. */
  importedAs?: string;
}

export interface ModelClaimant {
  id: number;
  version: number;
  description: string | null;
  by: Person | null;
  publicDescription: string | null;
}

export interface Model {
  seq: number;
  articleId: number;
  slug: string;
  articleVersion: number;
  text: string;
  claims: ModelClaim[];
  claimants: Map<string, ModelClaimant>;
  /** Ids of the annotations imported onto the article (POST /api/articles/:id/annotations/import): a second import creates nothing. */
  imported: Set<string>;
}

export const publicStates: readonly ClaimState[] = ["published", "corrected", "retracted"];
export const isPublic = (c: ModelClaim) => publicStates.includes(c.state);
export const isPlaced = (c: ModelClaim) => c.anchorStatus === "anchored" || c.anchorStatus === "moved";
const editable: readonly ClaimState[] = ["draft", "changes_requested", "in_review"];

/** Content edits (and placing a claim that is not public): checkers their own until review, editors until approval. */
export function mayEdit(p: Person, c: ModelClaim): boolean {
  if (!editable.includes(c.state)) return false;
  return isEditor(p) || (c.author === p && c.state !== "in_review");
}

export const mayDelete = (p: Person, c: ModelClaim) => c.state === "draft" && (isEditor(p) || c.author === p);

export type Action = "submit" | "request_changes" | "approve" | "publish" | "correct" | "correct_verdict" | "approve_correction" | "reject_correction" | "retract";
export const actions: readonly Action[] = ["submit", "request_changes", "approve", "publish", "correct", "correct_verdict", "approve_correction", "reject_correction", "retract"];

const live = (c: ModelClaim) => c.state === "published" || c.state === "corrected";

/** May `p` take `action` on `c` now? Four eyes: nobody in shapedBy approves, publishes or approves a correction. */
export function mayTransition(p: Person, c: ModelClaim, action: Action): boolean {
  const ready = c.ratingKey !== null && isPlaced(c) && !c.shapedBy.has(p);
  switch (action) {
    case "submit":
      return (c.state === "draft" || c.state === "changes_requested") && (isEditor(p) || c.author === p);
    case "request_changes":
      return isEditor(p) && (c.state === "in_review" || c.state === "approved");
    case "approve":
      return isEditor(p) && c.state === "in_review" && ready;
    case "publish":
      return isEditor(p) && c.state === "approved" && ready;
    case "correct":
    case "retract":
      return isEditor(p) && live(c);
    case "correct_verdict":
      return isEditor(p) && live(c) && !c.pending;
    case "approve_correction":
      return isEditor(p) && live(c) && !!c.pending && c.pending.by !== p && !c.shapedBy.has(p);
    case "reject_correction":
      return isEditor(p) && live(c) && !!c.pending;
  }
}

/** Apply an allowed transition to the model. */
export function applyTransition(p: Person, c: ModelClaim, action: Action, ratingKey: string) {
  c.version++;
  switch (action) {
    case "submit":
      c.state = "in_review";
      break;
    case "request_changes":
      c.state = "changes_requested";
      break;
    case "approve":
      c.state = "approved";
      break;
    case "publish":
      c.state = "published";
      c.shapedBy.clear();
      break;
    case "correct":
      c.state = "corrected";
      break;
    case "correct_verdict":
      c.pending = { ratingKey, by: p };
      c.shapedBy.add(p);
      break;
    case "approve_correction":
      c.ratingKey = c.pending!.ratingKey;
      c.state = "corrected";
      c.pending = null;
      c.shapedBy.clear();
      break;
    case "reject_correction":
      c.pending = null;
      break;
    case "retract":
      c.state = "retracted";
      c.pending = null;
      c.proposal = null;
      break;
  }
}

/** Placing a claim: directly while it is not public (an edit), as a proposal for a public claim whose anchor a revision lost. */
export function mayReanchor(p: Person, c: ModelClaim): boolean {
  if (!isPublic(c)) return mayEdit(p, c);
  return isEditor(p) && !isPlaced(c) && c.state !== "retracted";
}

export const mayConfirm = (p: Person, c: ModelClaim) => isEditor(p) && !!c.proposal && c.proposal.by !== p && !c.shapedBy.has(p);

/** Only editors replace the text of an article once the public sees claims on it. */
export const mayRevise = (p: Person, m: Model) => isEditor(p) || !m.claims.some(isPublic);

export const mayApproveDescription = (p: Person, c: ModelClaimant) => isEditor(p) && c.description !== c.publicDescription && c.by !== p;

/** The article's paragraphs in each variant a revision may send: as imported, a paragraph added, a quote reworded, a paragraph dropped. */
export function variantText(seq: number, variant: number): string {
  // Words of this sequence's own, so that no two model articles are near-duplicates (an import would fold one into the other).
  const own = Array.from({ length: 40 }, (_, i) => `s${seq}w${i}`).join(" ");
  const base = [`Report r${seq}x was filed on Monday. ${own}.`, "Alpha said 500 schools opened this year.", "Beta said 120 bridges were built.", "Gamma said 3,000 posts were added."];
  const variants = [
    base,
    ["A correction was added at the top.", ...base],
    [base[0], base[1], base[2].replace("120 bridges", "95 bridges"), base[3]],
    base.slice(0, 3),
  ];
  return variants[variant].join("\n\n");
}

/** Quotes a claim may be made on or placed at, when the current text has them. */
export const phrases = ["500 schools opened", "120 bridges were built", "95 bridges were built", "3,000 posts were added", "Alpha said", "Beta said"];
export const ratingKeys = ["true", "false", "half-true"] as const;
