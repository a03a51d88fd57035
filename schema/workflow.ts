import { publicClaimStates, type ClaimState, type Role } from "./enums";
import type { LiveClientType, LiveDesk } from "./live";

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

/** Why an action is refused: `forbidden` is about who you are (403), `conflict` about the claim's state (409). */
export type Refusal = { ok: false; kind: "forbidden" | "conflict"; reason: string; /** Stable: the workspace translates it. */ code?: string };
export type Decision = { ok: true } | Refusal;
/** `held`: the change waits for a second person (a proposal); the public sees nothing of it yet. */
export type TransitionDecision = { ok: true; to: ClaimState; held?: true } | Refusal;
export type ReanchorDecision = { ok: true; proposal: boolean } | Refusal;

interface Rule {
  from: readonly ClaimState[];
  to: ClaimState;
  /** Editors' actions; the rest are open to whoever may edit the claim. */
  editorial: boolean;
  /** Four eyes: nobody who shaped the claim since its last publication may take this action. */
  fourEyes: boolean;
}

const publicStates: readonly ClaimState[] = publicClaimStates;

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

/** Who may take editors' actions. */
export const editorRoles: readonly Role[] = ["editor", "admin"];
const isEditor = (actor: Actor) => editorRoles.includes(actor.role);
const ok = { ok: true } as const;
const forbidden = (reason: string, code?: string): Refusal => ({ ok: false, kind: "forbidden", reason, ...(code ? { code } : {}) });
const conflict = (reason: string, code?: string): Refusal => ({ ok: false, kind: "conflict", reason, ...(code ? { code } : {}) });
const spoken = (action: string) => action.replaceAll("_", " ");
const lostAnchor = (claim: ClaimFacts) => claim.anchorStatus === "changed" || claim.anchorStatus === "orphaned";

/** Is this claim visible to the public (published, corrected or retracted)? */
export const isPublicClaim = (claim: Pick<ClaimFacts, "state">) => publicStates.includes(claim.state);

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
  if (!isEditor(actor)) return forbidden("Only editors can propose a new place for a public fact-check.");
  if (!lostAnchor(claim)) return conflict("This fact-check is still placed in the article; a public claim is re-attached only when the article changed under it.");
  if (claim.state === "retracted") return conflict("A retracted fact-check is not re-attached.");
  return { ok: true, proposal: true };
}

/** May this actor confirm the proposed new place of a public claim? A second person, who neither proposed it nor shaped the claim. */
export function canConfirmAnchor(actor: Actor, claim: ClaimFacts): Decision {
  if (!isEditor(actor)) return forbidden("Only editors can confirm a new place for a public fact-check.");
  if (!claim.anchorProposal) return conflict("There is no proposed place to confirm.");
  if (claim.anchorProposal.proposedBy === actor.id) return forbidden("Four eyes: you proposed this place, so another editor must confirm it.");
  if (claim.shapedBy.includes(actor.id)) return forbidden("Four eyes: you shaped this claim since its last publication, so another editor must confirm it.");
  return ok;
}

/**
 * Decide one workflow transition. Pure: the route applies the result and writes the audit event.
 * `changesVerdict`: a correction that rewrites the verdict is held for a second editor (approve_correction).
 */
export function decideTransition(actor: Actor, claim: ClaimFacts, action: WorkflowAction, changesVerdict = false): TransitionDecision {
  const rule = rules[action];
  if (rule.editorial && !isEditor(actor)) return forbidden(`Only editors can ${spoken(action)}.`);
  if (!rule.editorial) {
    const edit = canEdit(actor, claim);
    if (!edit.ok && edit.kind === "forbidden") return edit;
  }
  if (!rule.from.includes(claim.state)) return conflict(`Cannot ${spoken(action)} a claim that is ${spoken(claim.state)}.`);
  if ((action === "approve" || action === "publish") && claim.ratingKey === null) {
    return conflict(`Give the claim a verdict before you ${action} it.`);
  }
  if ((action === "approve" || action === "publish") && lostAnchor(claim)) {
    return conflict("The article changed under this claim: send it back for changes and place it again before it goes further.");
  }
  if ((action === "approve_correction" || action === "reject_correction") && !claim.pendingCorrection) {
    return conflict("There is no correction waiting for review.");
  }
  if (action === "approve_correction" && claim.pendingCorrection?.proposedBy === actor.id) {
    return forbidden("Four eyes: you wrote this correction, so another editor must approve it.");
  }
  if (rule.fourEyes && claim.shapedBy.includes(actor.id)) {
    return forbidden(`Four eyes: you shaped this claim since its last publication, so another editor must ${spoken(action)} it.`, "four_eyes");
  }
  if (action === "correct" && changesVerdict) {
    if (claim.pendingCorrection) return conflict("A correction of this verdict already waits for review; approve or reject it first.");
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

/** Every signed-in role: the newsroom's staff. */
export const staffRoles: readonly Role[] = ["checker", "editor", "admin"];

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

/** The facts about an article that decide who may replace its text. */
export interface ArticleFacts {
  /** Claims the public can see (published, corrected or retracted). */
  publicClaims: number;
}

/** May this actor replace the article's text (a revision, or a re-import of the same source)? Only editors once the public sees claims on it. */
export function canReviseArticle(actor: Actor, article: ArticleFacts): Decision {
  if (article.publicClaims > 0 && !isEditor(actor)) {
    return forbidden("This article has public fact-checks: only editors can replace its text.");
  }
  return ok;
}

/** May this actor edit the article's outlet, original URL, author and date? As its text: editors only once the public sees claims on it. */
export function canEditArticleMetadata(actor: Actor, article: ArticleFacts): Decision {
  return article.publicClaims > 0 && !isEditor(actor) ? forbidden("This article has public fact-checks: only editors can edit its details.") : ok;
}

/** May this actor set a claimant's kind (person or organisation)? Editors, and whoever created the claimant. */
export function canEditClaimantKind(actor: Actor, claimant: { createdBy: number | null }): Decision {
  return isEditor(actor) || claimant.createdBy === actor.id ? ok : forbidden("Only editors or the claimant's creator can change its kind.");
}

/** May this actor merge claimant `remove` into `keep` (its claims move over, it is deleted)? Editors only. */
export function canMergeClaimants(actor: Actor, remove: { id: number }, keep: { id: number }): Decision {
  if (!isEditor(actor)) return forbidden("Only editors can merge claimants.");
  return remove.id === keep.id ? conflict("A claimant cannot be merged into itself.") : ok;
}

/** The facts about a claimant's description that decide who may approve it. */
export interface ClaimantFacts {
  description: string | null;
  /** Who wrote the description as it stands. */
  descriptionBy: number | null;
  /** The description the public sees; null until an editor approved one. */
  publicDescription: string | null;
}

/** May this actor edit claimant descriptions? Editors only; a checker's description typed with a new name waits unpublished. */
export function canEditClaimant(actor: Actor): Decision {
  return isEditor(actor) ? ok : forbidden("Only editors can edit a claimant's description.");
}

/** May this actor make the claimant's description public? An editor other than the one who wrote it. */
export function canApproveClaimantDescription(actor: Actor, claimant: ClaimantFacts): Decision {
  if (!isEditor(actor)) return forbidden("Only editors can approve a claimant's description.");
  if (claimant.description === claimant.publicDescription) return conflict("This description is already the public one.");
  if (claimant.descriptionBy === actor.id) return forbidden("Four eyes: you wrote this description, so another editor must approve it.");
  return ok;
}

/** Staff powers that depend only on the role. Ask `may`; never compare roles elsewhere. */
const rolePowers = {
  /** Assign a claim to a staff member. */
  assign: ["editor", "admin"],
  /** Review queues and editorial dashboards. */
  review: ["editor", "admin"],
  /** Invite users, change roles, disable accounts. */
  manageUsers: ["admin"],
  /** Reword the rating scale's labels. */
  rewordScale: ["admin"],
  /** Register webhooks: they receive every publication and hold signing secrets. */
  manageWebhooks: ["admin"],
  /** Set the stealth-edit watch's schedule: it fetches publishers' pages. */
  configureWatch: ["admin"],
  /** See the stealth-edit watch's state. */
  viewWatch: ["editor", "admin"],
  /** Write the public about page (organisation, funding, team). */
  editSitePages: ["admin"],
  /** Read readers' tips from the public contact form. */
  readTips: ["checker", "editor", "admin"],
  /** Import Hypothesis or W3C annotations onto an article: they become the importer's drafts, never public. */
  importAnnotations: ["checker", "editor", "admin"],
  /** Create a claimant by name: only when a person picks "Create new claimant", never on autosave. */
  createClaimants: ["checker", "editor", "admin"],
} as const satisfies Record<string, readonly Role[]>;
export type RolePower = keyof typeof rolePowers;

/** The roles that hold a power (the API documentation states them). */
export const powerRoles = (power: RolePower): readonly Role[] => rolePowers[power];

/** May this actor use a role-only power? */
export function may(actor: Actor | null | undefined, power: RolePower): Decision {
  const allowed: readonly Role[] = rolePowers[power];
  if (!actor) return forbidden("Log in to do this.");
  return allowed.includes(actor.role) ? ok : forbidden(`This needs the ${allowed.join(" or ")} role.`);
}

/** May this admin change this user? Admins do not change their own role or disable themselves. */
export function canChangeUser(actor: Actor, target: { id: number }, change: { role?: Role; disabled?: boolean }): Decision {
  const power = may(actor, "manageUsers");
  if (!power.ok) return power;
  if (target.id === actor.id && (change.role !== undefined || change.disabled)) {
    return conflict("Admins cannot change their own role or disable themselves.");
  }
  return ok;
}

/**
 * Claim matching, external fact-checks and the staff search read unpublished work or add to the
 * match corpus: any signed-in staff member, never the public.
 */
export function canUseNewsroomTools(actor: Actor | null): Decision {
  return actor ? ok : forbidden("Log in to use the newsroom's matching, search and imports.");
}

/** Who may open a live desk, and which of its changes they get: everything, or only claims they wrote or are assigned. */
export type DeskDecision = { ok: true; scope: "all" | "own" } | Refusal;

/**
 * May this actor open a live socket? An article's desk: every staff member, as they read the article
 * itself; the public never. The review queue's: editors see every change, others only their own (their badge).
 */
export function canJoinDesk(actor: Actor | null, desk: LiveDesk): DeskDecision {
  if (!actor || !staffRoles.includes(actor.role)) return forbidden("Live updates are for the newsroom's staff.");
  return { ok: true, scope: desk === "queue" && !may(actor, "review").ok ? "own" : "all" };
}

/** May this actor send this message on this desk? Presence lives on articles; a selection heralds a new claim, so it takes the right to create one. */
export function canSendLive(actor: Actor, desk: LiveDesk, type: LiveClientType): Decision {
  if (desk !== "article") return conflict("The review queue only announces changes; it takes no messages.");
  if (type === "selecting" && !staffRoles.includes(actor.role)) return forbidden("Only staff who may create claims share a selection.");
  return ok;
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
