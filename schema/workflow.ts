import type { ClaimState, Role } from "./enums";

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

/** Newsroom operations beyond the claim workflow, with the roles that may take them and why the rest may not. */
const operationRules = {
  manage_webhooks: { roles: ["admin"], refusal: "Only admins manage webhooks: they receive every publication and hold signing secrets." },
  configure_watch: { roles: ["admin"], refusal: "Only admins set the stealth-edit watch's schedule: it fetches publishers' pages." },
  view_watch: { roles: ["editor", "admin"], refusal: "Only editors and admins see the stealth-edit watch." },
  import_annotations: { roles: ["checker", "editor", "admin"], refusal: "Only staff import annotations." },
} as const satisfies Record<string, { roles: readonly Role[]; refusal: string }>;

export type Operation = keyof typeof operationRules;

/** May this actor take this operation? */
export function decideOperation(actor: Actor, operation: Operation): Decision {
  const rule = operationRules[operation];
  return (rule.roles as readonly Role[]).includes(actor.role) ? ok : forbidden(rule.refusal);
}
