import type { ClaimState } from "./enums";
import { conflict, forbidden, isEditor, isPublicClaim, ok, publicStates, type Actor, type ClaimFacts, type Decision, type ReanchorDecision, type TransitionDecision } from "./workflow-core";

export { editorRoles, isPublicClaim, type Actor, type ClaimFacts, type Decision, type ReanchorDecision, type Refusal, type TransitionDecision } from "./workflow-core";
export * from "./workflow-staff";

export const workflowActions = [
  "submit",
  "request_changes",
  "approve",
  "publish",
  "correct",
  "retract",
  "approve_correction",
  "reject_correction",
] as const;
export type WorkflowAction = (typeof workflowActions)[number];


interface Rule {
  from: readonly ClaimState[];
  to: ClaimState;
  /** Editors' actions; the rest are open to whoever may edit the claim. */
  editorial: boolean;
  /** Four eyes: nobody who shaped the claim since its last publication may take this action. */
  fourEyes: boolean;
}

const rules: Record<WorkflowAction, Rule> = {
  submit: { from: ["draft", "changes_requested"], to: "in_review", editorial: false, fourEyes: false },
  // From approved too: the way back to review for an approved claim that a revision of the article changed.
  request_changes: { from: ["in_review", "approved"], to: "changes_requested", editorial: true, fourEyes: false },
  approve: { from: ["in_review"], to: "approved", editorial: true, fourEyes: true },
  publish: { from: ["approved"], to: "published", editorial: true, fourEyes: true },
  // A note-only correction and a retraction are one-person emergency actions (audited, shown publicly).
  correct: { from: ["published", "corrected"], to: "corrected", editorial: true, fourEyes: false },
  retract: { from: ["published", "corrected"], to: "retracted", editorial: true, fourEyes: false },
  approve_correction: { from: ["published", "corrected"], to: "corrected", editorial: true, fourEyes: true },
  reject_correction: { from: ["published", "corrected"], to: "corrected", editorial: true, fourEyes: false },
};

/** States in which a claim's content (claimant, verdict, sources) may still be edited. */
const editableStates: readonly ClaimState[] = ["draft", "changes_requested", "in_review"];
const spoken = (action: string) => action.replaceAll("_", " ");
const lostAnchor = (claim: ClaimFacts) => claim.anchorStatus === "changed" || claim.anchorStatus === "orphaned";

/** May this actor change the claim's content? Checkers: their own, or assigned to them, until review; editors: until approval. */
export function canEdit(actor: Actor, claim: ClaimFacts): Decision {
  if (!editableStates.includes(claim.state)) {
    return conflict(`A claim that is ${spoken(claim.state)} cannot be edited; published claims change through a correction.`, "claim_not_editable");
  }
  if (isEditor(actor)) return ok;
  const mine = claim.authorId === actor.id || claim.assigneeId === actor.id;
  if (!mine) return forbidden("Checkers can edit only claims they wrote or that are assigned to them.", "checker_not_owner");
  if (claim.state === "in_review") return conflict("This claim is in review; wait for the editor's decision.", "claim_in_review");
  return ok;
}

/** May this actor delete the claim? Only drafts, which never reached an editor; checkers only their own. */
export function canDelete(actor: Actor, claim: ClaimFacts): Decision {
  if (!isEditor(actor) && claim.authorId !== actor.id) return forbidden("Checkers can delete only their own drafts.", "delete_not_own");
  if (claim.state !== "draft") return conflict("Only drafts can be deleted; a claim that went to review stays on record.", "delete_not_draft");
  return ok;
}

/**
 * May this actor place the claim on new text? Before publication it is an edit. A public claim that
 * is still placed (anchored or moved) is never moved; a changed or orphaned one gets a proposal, which
 * an editor makes and a second person confirms (canConfirmAnchor).
 */
export function canReanchor(actor: Actor, claim: ClaimFacts): ReanchorDecision {
  if (!isPublicClaim(claim)) {
    const edit = canEdit(actor, claim);
    return edit.ok ? { ok: true, proposal: false } : edit;
  }
  if (!isEditor(actor)) return forbidden("Only editors can propose a new place for a public fact-check.", "reanchor_editors_only");
  if (!lostAnchor(claim)) return conflict("This fact-check is still placed in the article; a public claim is re-attached only when the article changed under it.", "reanchor_still_placed");
  if (claim.state === "retracted") return conflict("A retracted fact-check is not re-attached.", "reanchor_retracted");
  return { ok: true, proposal: true };
}

/** May this actor confirm the proposed new place of a public claim? A second person, who neither proposed it nor shaped the claim. */
export function canConfirmAnchor(actor: Actor, claim: ClaimFacts): Decision {
  if (!isEditor(actor)) return forbidden("Only editors can confirm a new place for a public fact-check.", "confirm_editors_only");
  if (!claim.anchorProposal) return conflict("There is no proposed place to confirm.", "no_proposal");
  if (claim.anchorProposal.proposedBy === actor.id) return forbidden("Four eyes: you proposed this place, so another editor must confirm it.", "four_eyes_own_place");
  if (claim.shapedBy.includes(actor.id)) return forbidden("Four eyes: you shaped this claim since its last publication, so another editor must confirm it.", "four_eyes");
  return ok;
}

/**
 * Decide one workflow transition. Pure: the route applies the result and writes the audit event.
 * `changesVerdict`: a correction that rewrites the verdict is held for a second editor (approve_correction).
 */
export function decideTransition(actor: Actor, claim: ClaimFacts, action: WorkflowAction, changesVerdict = false): TransitionDecision {
  const rule = rules[action];
  if (rule.editorial && !isEditor(actor)) return forbidden(`Only editors can ${spoken(action)}.`, "editors_only");
  if (!rule.editorial) {
    const edit = canEdit(actor, claim);
    if (!edit.ok && edit.kind === "forbidden") return edit;
  }
  if (!rule.from.includes(claim.state)) return conflict(`Cannot ${spoken(action)} a claim that is ${spoken(claim.state)}.`, "wrong_state");
  if ((action === "approve" || action === "publish") && claim.ratingKey === null) {
    return conflict(`Give the claim a verdict before you ${action} it.`, "verdict_missing");
  }
  if ((action === "approve" || action === "publish") && lostAnchor(claim)) {
    return conflict("The article changed under this claim: send it back for changes and place it again before it goes further.", "anchor_lost");
  }
  if ((action === "approve_correction" || action === "reject_correction") && !claim.pendingCorrection) {
    return conflict("There is no correction waiting for review.", "no_pending_correction");
  }
  if (action === "approve_correction" && claim.pendingCorrection?.proposedBy === actor.id) {
    return forbidden("Four eyes: you wrote this correction, so another editor must approve it.", "four_eyes_own_correction");
  }
  if (rule.fourEyes && claim.shapedBy.includes(actor.id)) {
    return forbidden(`Four eyes: you shaped this claim since its last publication, so another editor must ${spoken(action)} it.`, "four_eyes");
  }
  if (action === "correct" && changesVerdict) {
    if (claim.pendingCorrection) return conflict("A correction of this verdict already waits for review; approve or reject it first.", "correction_pending");
    return { ok: true, to: claim.state, held: true };
  }
  if (action === "reject_correction") return { ok: true, to: claim.state };
  return { ok: true, to: rule.to };
}

/** Every workflow action with whether this actor may take it now, and why not: the UI disables and explains. */
export function availableActions(actor: Actor, claim: ClaimFacts) {
  return workflowActions.map((action) => {
    const decision = decideTransition(actor, claim, action);
    const waits = action !== "approve_correction" && action !== "reject_correction" ? true : !!claim.pendingCorrection;
    return { action, allowed: decision.ok, reason: decision.ok ? null : decision.reason, code: decision.ok ? null : (decision.code ?? null), applies: rules[action].from.includes(claim.state) && waits };
  });
}


/**
 * "The same claim": `claim` becomes an appearance of `target`, whose verdict then serves both. It
 * changes what the claim's readers see, so it takes whatever editing the claim takes; a published
 * claim is an editor's call. Links are one level deep: the target must hold its own verdict.
 */
export function canLinkSameClaim(actor: Actor, claim: ClaimFacts & { id: number }, target: { id: number; sameAsId: number | null } | null): Decision {
  if (target && target.id === claim.id) return conflict("A claim cannot be the same claim as itself.", "same_claim_self");
  if (target && target.sameAsId !== null) return conflict(`Claim ${target.id} is itself an appearance of claim ${target.sameAsId}; link to that one.`, "same_claim_chain", { id: target.id, sameAsId: target.sameAsId });
  if (publicStates.includes(claim.state)) return isEditor(actor) ? ok : forbidden("Only editors can link a published fact-check to another.", "link_editors_only");
  return canEdit(actor, claim);
}
