import { publicClaimStates, type ClaimState, type Role } from "./enums";

/** Who is acting. Anonymous visitors never reach a staff action. */
export interface Actor {
  id: number;
  role: Role;
}

/** The facts about a claim that decide what may happen to it. */
export interface ClaimFacts {
  state: ClaimState;
  authorId: number;
  lastEditedBy: number;
  assigneeId: number | null;
  /** Without a verdict there is nothing to approve or publish. */
  ratingKey?: string | null;
  /** A changed or orphaned anchor must be placed by a person before the claim goes further. */
  anchorStatus?: "anchored" | "moved" | "changed" | "orphaned";
}

export const workflowActions = ["submit", "request_changes", "approve", "publish", "correct", "retract"] as const;
export type WorkflowAction = (typeof workflowActions)[number];

/** Why an action is refused: `forbidden` is about who you are (403), `conflict` about the claim's state (409). */
export type Refusal = { ok: false; kind: "forbidden" | "conflict"; reason: string };
export type Decision = { ok: true } | Refusal;
export type TransitionDecision = { ok: true; to: ClaimState } | Refusal;

interface Rule {
  from: readonly ClaimState[];
  to: ClaimState;
  /** Editors' actions; the rest are open to whoever may edit the claim. */
  editorial: boolean;
  /** Four eyes: the author and the last editor may not take this action. */
  fourEyes: boolean;
}

const rules: Record<WorkflowAction, Rule> = {
  submit: { from: ["draft", "changes_requested"], to: "in_review", editorial: false, fourEyes: false },
  request_changes: { from: ["in_review"], to: "changes_requested", editorial: true, fourEyes: false },
  approve: { from: ["in_review"], to: "approved", editorial: true, fourEyes: true },
  publish: { from: ["approved"], to: "published", editorial: true, fourEyes: true },
  correct: { from: ["published", "corrected"], to: "corrected", editorial: true, fourEyes: false },
  retract: { from: ["published", "corrected"], to: "retracted", editorial: true, fourEyes: false },
};

/** States in which a claim's content (claimant, verdict, sources) may still be edited. */
const editableStates: readonly ClaimState[] = ["draft", "changes_requested", "in_review"];

const publicStates: readonly ClaimState[] = publicClaimStates;
const isEditor = (actor: Actor) => actor.role === "editor" || actor.role === "admin";
const ok = { ok: true } as const;
const forbidden = (reason: string): Refusal => ({ ok: false, kind: "forbidden", reason });
const conflict = (reason: string): Refusal => ({ ok: false, kind: "conflict", reason });

/** May this actor change the claim's content? Checkers: their own, or assigned to them, until review; editors: until approval. */
export function canEdit(actor: Actor, claim: ClaimFacts): Decision {
  if (!editableStates.includes(claim.state)) {
    return conflict(`A claim that is ${claim.state} cannot be edited; published claims change through a correction.`);
  }
  if (isEditor(actor)) return ok;
  const mine = claim.authorId === actor.id || claim.assigneeId === actor.id;
  if (!mine) return forbidden("Checkers can edit only claims they wrote or that are assigned to them.");
  if (claim.state === "in_review") return conflict("This claim is in review; wait for the editor's decision.");
  return ok;
}

/** May this actor delete the claim? Only drafts, which never reached an editor; checkers only their own. */
export function canDelete(actor: Actor, claim: ClaimFacts): Decision {
  if (!isEditor(actor) && claim.authorId !== actor.id) return forbidden("Checkers can delete only their own drafts.");
  if (claim.state !== "draft") return conflict("Only drafts can be deleted; a claim that went to review stays on record.");
  return ok;
}

/**
 * Decide one workflow transition. Pure: the route applies the result and writes the audit event.
 * `changesVerdict`: a correction that rewrites the verdict is held to four eyes like a publication.
 */
export function decideTransition(actor: Actor, claim: ClaimFacts, action: WorkflowAction, changesVerdict = false): TransitionDecision {
  const rule = rules[action];
  const fourEyes = rule.fourEyes || (action === "correct" && changesVerdict);
  if (rule.editorial && !isEditor(actor)) return forbidden(`Only editors can ${action.replace("_", " ")}.`);
  if (!rule.editorial) {
    const edit = canEdit(actor, claim);
    if (!edit.ok && edit.kind === "forbidden") return edit;
  }
  if (!rule.from.includes(claim.state)) {
    return conflict(`Cannot ${action.replace("_", " ")} a claim that is ${claim.state.replace("_", " ")}.`);
  }
  if ((action === "approve" || action === "publish") && claim.ratingKey === null) {
    return conflict(`Give the claim a verdict before you ${action} it.`);
  }
  if ((action === "approve" || action === "publish") && (claim.anchorStatus === "changed" || claim.anchorStatus === "orphaned")) {
    return conflict("The article changed under this claim: place it again before it goes further.");
  }
  if (fourEyes) {
    if (claim.authorId === actor.id) return forbidden(`Four eyes: you wrote this claim, so another editor must ${action} it.`);
    if (claim.lastEditedBy === actor.id) {
      return forbidden(`Four eyes: you edited this claim last, so another editor must ${action} it.`);
    }
  }
  return { ok: true, to: rule.to };
}

/** Every workflow action with whether this actor may take it now, and why not: the UI disables and explains. */
export function availableActions(actor: Actor, claim: ClaimFacts) {
  return workflowActions.map((action) => {
    const decision = decideTransition(actor, claim, action);
    return { action, allowed: decision.ok, reason: decision.ok ? null : decision.reason };
  });
}

const staffRoles: readonly Role[] = ["checker", "editor", "admin"];

/** May this actor see the check-worthy suggestions of an article? Every staff member: they are hints, never public. */
export function canSeeSuggestions(actor: Actor | null): Decision {
  return actor && staffRoles.includes(actor.role) ? ok : forbidden("Suggestions are for the newsroom's staff.");
}

/**
 * May this actor dismiss a suggestion of this revision? Any staff member, for the article's current
 * revision only: a dismissal is remembered per revision, and an old revision's suggestions are no longer shown.
 */
export function decideSuggestionDismissal(actor: Actor | null, revision: { isCurrent: boolean }): Decision {
  const see = canSeeSuggestions(actor);
  if (!see.ok) return see;
  if (!revision.isCurrent) return conflict("The article has a newer revision; dismiss suggestions on the current text.");
  return ok;
}

/** How a request was authenticated: a signed-in person (session) or a script (API token). */
export type Via = "session" | "token";

/** An API token's lifetime in days: chosen when it is created, 90 by default, a year at most. */
export const apiTokenDays = { default: 90, max: 365 } as const;

/** May this caller create an API token? Only a signed-in person: a token that could mint tokens would outlive its own revocation. */
export function canCreateApiToken(caller: { via: Via }): Decision {
  return caller.via === "session" ? ok : forbidden("An API token cannot create API tokens; sign in to the workspace to create one.");
}

/** May this actor list and revoke the API tokens of user `ownerId`? Everyone their own, admins anyone's. */
export function canManageApiTokens(actor: Actor, ownerId: number): Decision {
  if (actor.id === ownerId || actor.role === "admin") return ok;
  return forbidden("Only admins can see or revoke other people's API tokens.");
}

/**
 * Claim matching, external fact-checks and the staff search read unpublished work or add to the
 * match corpus: any signed-in staff member, never the public.
 */
export function canUseNewsroomTools(actor: Actor | null): Decision {
  return actor ? ok : forbidden("Log in to use the newsroom's matching, search and imports.");
}

/**
 * "The same claim": `claim` becomes an appearance of `target`, whose verdict then serves both. It
 * changes what the claim's readers see, so it takes whatever editing the claim takes; a published
 * claim is an editor's call. Links are one level deep: the target must hold its own verdict.
 */
export function canLinkSameClaim(actor: Actor, claim: ClaimFacts & { id: number }, target: { id: number; sameAsId: number | null } | null): Decision {
  if (target && target.id === claim.id) return conflict("A claim cannot be the same claim as itself.");
  if (target && target.sameAsId !== null) return conflict(`Claim ${target.id} is itself an appearance of claim ${target.sameAsId}; link to that one.`);
  if (publicStates.includes(claim.state)) return isEditor(actor) ? ok : forbidden("Only editors can link a published fact-check to another.");
  return canEdit(actor, claim);
}
