/**
 * Decisions about people and places rather than one claim's workflow: suggestions, articles, claimants,
 * role powers, users, the newsroom's tools, live desks and API tokens. schema/workflow.ts re-exports
 * them: it stays the one place to ask.
 */
import type { Role } from "./enums";
import type { LiveClientType, LiveDesk } from "./live";
import { conflict, forbidden, isEditor, ok, type Actor, type Decision, type Refusal } from "./workflow-core";

/** Every signed-in role: the newsroom's staff. */
export const staffRoles: readonly Role[] = ["checker", "editor", "admin"];

/** May this actor see the check-worthy suggestions of an article? Every staff member: they are hints, never public. */
export function canSeeSuggestions(actor: Actor | null): Decision {
  return actor && staffRoles.includes(actor.role) ? ok : forbidden("Suggestions are for the newsroom's staff.", "suggestions_staff_only");
}

/**
 * May this actor dismiss a suggestion of this revision? Any staff member, for the article's current
 * revision only: a dismissal is remembered per revision, and an old revision's suggestions are no longer shown.
 */
export function decideSuggestionDismissal(actor: Actor | null, revision: { isCurrent: boolean }): Decision {
  const see = canSeeSuggestions(actor);
  if (!see.ok) return see;
  if (!revision.isCurrent) return conflict("The article has a newer revision; dismiss suggestions on the current text.", "stale_revision");
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
    return forbidden("This article has public fact-checks: only editors can replace its text.", "revise_editors_only");
  }
  return ok;
}

/** May this actor edit the article's outlet, original URL, author and date? As its text: editors only once the public sees claims on it. */
export function canEditArticleMetadata(actor: Actor, article: ArticleFacts): Decision {
  return article.publicClaims > 0 && !isEditor(actor) ? forbidden("This article has public fact-checks: only editors can edit its details.", "metadata_editors_only") : ok;
}

/** May this actor set a claimant's kind (person or organisation)? Editors, and whoever created the claimant. */
export function canEditClaimantKind(actor: Actor, claimant: { createdBy: number | null }): Decision {
  return isEditor(actor) || claimant.createdBy === actor.id ? ok : forbidden("Only editors or the claimant's creator can change its kind.", "claimant_kind_not_allowed");
}

/** May this actor merge claimant `remove` into `keep` (its claims move over, it is deleted)? Editors only. */
export function canMergeClaimants(actor: Actor, remove: { id: number }, keep: { id: number }): Decision {
  if (!isEditor(actor)) return forbidden("Only editors can merge claimants.", "merge_editors_only");
  return remove.id === keep.id ? conflict("A claimant cannot be merged into itself.", "merge_self") : ok;
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
  return isEditor(actor) ? ok : forbidden("Only editors can edit a claimant's description.", "description_editors_only");
}

/** May this actor make the claimant's description public? An editor other than the one who wrote it. */
export function canApproveClaimantDescription(actor: Actor, claimant: ClaimantFacts): Decision {
  if (!isEditor(actor)) return forbidden("Only editors can approve a claimant's description.", "description_editors_only");
  if (claimant.description === claimant.publicDescription) return conflict("This description is already the public one.", "description_already_public");
  if (claimant.descriptionBy === actor.id) return forbidden("Four eyes: you wrote this description, so another editor must approve it.", "four_eyes_own_description");
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
  if (!actor) return forbidden("Log in to do this.", "unauthenticated");
  return allowed.includes(actor.role) ? ok : forbidden(`This needs the ${allowed.join(" or ")} role.`, "role_required");
}

/** May this admin change this user? Admins do not change their own role or disable themselves. */
export function canChangeUser(actor: Actor, target: { id: number }, change: { role?: Role; disabled?: boolean }): Decision {
  const power = may(actor, "manageUsers");
  if (!power.ok) return power;
  if (target.id === actor.id && (change.role !== undefined || change.disabled)) {
    return conflict("Admins cannot change their own role or disable themselves.", "own_account");
  }
  return ok;
}

/** May this actor unlock an account after a login lockout (forget its failed logins)? The admins who manage users. */
export function canUnlockLogin(actor: Actor): Decision {
  return may(actor, "manageUsers");
}

/**
 * Claim matching, external fact-checks and the staff search read unpublished work or add to the
 * match corpus: any signed-in staff member, never the public.
 */
export function canUseNewsroomTools(actor: Actor | null): Decision {
  return actor ? ok : forbidden("Log in to use the newsroom's matching, search and imports.", "unauthenticated");
}

/** Who may open a live desk, and which of its changes they get: everything, or only claims they wrote or are assigned. */
export type DeskDecision = { ok: true; scope: "all" | "own" } | Refusal;

/**
 * May this actor open a live socket? An article's desk: every staff member, as they read the article
 * itself; the public never. The review queue's: editors see every change, others only their own (their badge).
 */
export function canJoinDesk(actor: Actor | null, desk: LiveDesk): DeskDecision {
  if (!actor || !staffRoles.includes(actor.role)) return forbidden("Live updates are for the newsroom's staff.", "live_staff_only");
  return { ok: true, scope: desk === "queue" && !may(actor, "review").ok ? "own" : "all" };
}

/** May this actor send this message on this desk? Presence lives on articles; a selection heralds a new claim, so it takes the right to create one. */
export function canSendLive(actor: Actor, desk: LiveDesk, type: LiveClientType): Decision {
  if (desk !== "article") return conflict("The review queue only announces changes; it takes no messages.", "queue_no_messages");
  if (type === "selecting" && !staffRoles.includes(actor.role)) return forbidden("Only staff who may create claims share a selection.", "selection_not_allowed");
  return ok;
}

/** How a request was authenticated: a signed-in person (session) or a script (API token). */
export type Via = "session" | "token";

/** An API token's lifetime in days: chosen when it is created, 90 by default, a year at most. */
export const apiTokenDays = { default: 90, max: 365 } as const;

/** May this caller create an API token? Only a signed-in person: a token that could mint tokens would outlive its own revocation. */
export function canCreateApiToken(caller: { via: Via }): Decision {
  return caller.via === "session" ? ok : forbidden("An API token cannot create API tokens; sign in to the workspace to create one.", "token_cannot_create_token");
}

/** May this actor list and revoke the API tokens of user `ownerId`? Everyone their own, admins anyone's. */
export function canManageApiTokens(actor: Actor, ownerId: number): Decision {
  if (actor.id === ownerId || actor.role === "admin") return ok;
  return forbidden("Only admins can see or revoke other people's API tokens.", "tokens_admins_only");
}
