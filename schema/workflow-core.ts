/** What every permission decision is made of: who acts, the facts about a claim, and the answer's shape. */
import { publicClaimStates, type ClaimState, type Role } from "./enums";
import type { RefusalCode } from "./refusal-codes";

/** Who is acting. Anonymous visitors never reach a staff action. */
export interface Actor {
  id: number;
  role: Role;
}

/** The facts about a claim that decide what may happen to it. */
export interface ClaimFacts {
  state: ClaimState;
  authorId: number;
  assigneeId: number | null;
  /**
   * Four eyes: everyone who changed the claim's content (quote and place, claimant, verdict,
   * explanation, sources) since its last publication. None of them may approve or publish it.
   */
  shapedBy: readonly number[];
  /** Without a verdict there is nothing to approve or publish. */
  ratingKey?: string | null;
  /** A changed or orphaned anchor must be placed by a person before the claim goes further. */
  anchorStatus?: "anchored" | "moved" | "changed" | "orphaned";
  /** A new place for a public claim, waiting for a second person. */
  anchorProposal?: { proposedBy: number } | null;
  /** A verdict-changing correction of a public claim, waiting for a second editor. */
  pendingCorrection?: { proposedBy: number } | null;
}

/** Why an action is refused: `forbidden` is about who you are (403), `conflict` about the claim's state (409). */
export type Refusal = {
  ok: false;
  kind: "forbidden" | "conflict";
  reason: string;
  /** Stable: the workspace translates it (schema/refusal-codes.ts). */
  code: RefusalCode;
  /** The values the translated sentence names, e.g. a claim's id. */
  vars?: Record<string, string | number>;
};
export type Decision = { ok: true } | Refusal;
/** `held`: the change waits for a second person (a proposal); the public sees nothing of it yet. */
export type TransitionDecision = { ok: true; to: ClaimState; held?: true } | Refusal;
export type ReanchorDecision = { ok: true; proposal: boolean } | Refusal;

/** The states the public sees. */
export const publicStates: readonly ClaimState[] = publicClaimStates;

/** Who may take editors' actions. */
export const editorRoles: readonly Role[] = ["editor", "admin"];
export const isEditor = (actor: Actor) => editorRoles.includes(actor.role);
export const ok = { ok: true } as const;
export const forbidden = (reason: string, code: RefusalCode, vars?: Refusal["vars"]): Refusal => ({ ok: false, kind: "forbidden", reason, code, ...(vars ? { vars } : {}) });
export const conflict = (reason: string, code: RefusalCode, vars?: Refusal["vars"]): Refusal => ({ ok: false, kind: "conflict", reason, code, ...(vars ? { vars } : {}) });

/** Is this claim visible to the public (published, corrected or retracted)? */
export const isPublicClaim = (claim: Pick<ClaimFacts, "state">) => publicStates.includes(claim.state);
