import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { assignInput, transitionInput } from "../../schema/inputs";
import { articles, claims, comments, users, verdicts } from "../../schema/tables";
import { decideTransition, type Actor } from "../../schema/workflow";
import type { Db } from "../db";
import { refuse } from "./refusal";
import { enforce } from "../http/errors";
import { auditInsert } from "./audit";
import type { Statement } from "./batch";
import { getClaimDetail, versionedClaimBatch, withShaper, type ClaimRow } from "./claims";
import { indexStatements } from "./match";
import { queueWebhookEvent, webhookEvents } from "./webhooks";

/**
 * Apply a workflow action: the pure decision, then the state change, its comment and its audit event in
 * one batch. A verdict-changing correction is only proposed here; approve_correction makes it public.
 */
export async function transitionClaim(db: Db, claim: ClaimRow, input: z.output<typeof transitionInput>, actor: Actor) {
  const changesVerdict = input.action === "correct" && (input.ratingKey !== undefined || input.explanation !== undefined);
  const decision = enforce(decideTransition(actor, claim, input.action, changesVerdict), "invalid_transition");
  const now = new Date().toISOString();
  const set: Partial<typeof claims.$inferInsert> = { state: decision.to, updatedAt: now };
  const pending = claim.pendingCorrection;
  let action: string = input.action;
  let verdictChange: { ratingKey: string; explanation: unknown; authorId: number } | null = null;
  if (decision.held) {
    // Written, not shown: the old verdict stays public until a second editor approves this one.
    action = "correct_propose";
    set.pendingCorrection = { ratingKey: input.ratingKey ?? claim.ratingKey ?? "unverifiable", explanation: input.explanation ?? claim.explanation ?? null, reason: input.reason ?? null, proposedBy: actor.id };
    set.shapedBy = withShaper(claim, actor);
  } else if (input.action === "approve_correction" && pending) {
    action = "correct";
    verdictChange = { ratingKey: pending.ratingKey, explanation: pending.explanation, authorId: pending.proposedBy };
    Object.assign(set, { ratingKey: pending.ratingKey, explanation: pending.explanation, lastEditedBy: pending.proposedBy, pendingCorrection: null, shapedBy: [] });
    if (pending.reason) set.publicNote = pending.reason;
  } else if (input.action === "reject_correction") {
    set.pendingCorrection = null;
  } else if (input.action === "publish") {
    set.publishedAt = claim.publishedAt ?? now;
    set.needsReview = false;
    set.shapedBy = [];
  } else if (input.action === "correct" || input.action === "retract") {
    set.publicNote = input.reason;
  }
  if (input.action === "retract") Object.assign(set, { pendingCorrection: null, anchorProposal: null });
  const statements: Statement[] = [
    db.update(claims).set({ ...set, version: sql`${claims.version} + 1` }).where(eq(claims.id, claim.id)),
  ];
  const publicChange = !decision.held && ["publish", "correct", "retract", "approve_correction"].includes(input.action);
  if (publicChange) {
    // The public pages of this article change: move their cache key on, in the same batch.
    statements.push(db.update(articles).set({ publicVersion: sql`${articles.publicVersion} + 1` }).where(eq(articles.id, claim.articleId)));
    // The webhook outbox, in the same batch: an event is queued if and only if the public change happened.
    const event = webhookEvents[input.action === "approve_correction" ? "correct" : (input.action as "publish" | "correct" | "retract")];
    statements.push(
      queueWebhookEvent(db, event, {
        event,
        occurredAt: now,
        claim: { id: claim.id, articleId: claim.articleId, state: decision.to, ratingKey: verdictChange?.ratingKey ?? claim.ratingKey, publicNote: set.publicNote ?? claim.publicNote, path: `/claims/${claim.id}` },
      }),
    );
  }
  // A published claim joins the "already checked" corpus; a correction re-indexes it (a retraction keeps it, shown as retracted).
  if (publicChange && input.action !== "retract") statements.push(...indexStatements(db, claim.id, claim.exact));
  if (verdictChange) statements.push(db.insert(verdicts).values({ claimId: claim.id, ...verdictChange }));
  if (input.comment) statements.push(db.insert(comments).values({ claimId: claim.id, authorId: actor.id, body: input.comment }));
  const reason = input.action === "approve_correction" ? pending?.reason : input.reason;
  statements.push(
    auditInsert(db, {
      actorId: actor.id,
      action: `claim.${action}`,
      entityType: "claim",
      entityId: claim.id,
      before: { state: claim.state, ...(verdictChange || decision.held ? { ratingKey: claim.ratingKey } : {}) },
      after: {
        state: decision.to,
        ...(reason ? { reason } : {}),
        ...(input.comment ? { comment: true } : {}),
        ...(verdictChange ? { ratingKey: verdictChange.ratingKey, proposedBy: verdictChange.authorId } : {}),
        ...(decision.held ? { proposedRatingKey: set.pendingCorrection!.ratingKey } : {}),
      },
    }),
  );
  await versionedClaimBatch(db, claim, input.version, statements);
  return getClaimDetail(db, claim.id);
}

/** Assign a claim to a staff member (or unassign), versioned and audited. */
export async function assignClaim(db: Db, claim: ClaimRow, input: z.output<typeof assignInput>, actor: Actor) {
  if (input.assigneeId !== null) {
    const assignee = await db.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, input.assigneeId)).get();
    if (!assignee || assignee.disabledAt) throw refuse("invalid", "unknown_assignee", `User ${input.assigneeId} cannot be assigned.`);
  }
  await versionedClaimBatch(db, claim, input.version, [
    db
      .update(claims)
      .set({ assigneeId: input.assigneeId, updatedAt: new Date().toISOString(), version: sql`${claims.version} + 1` })
      .where(eq(claims.id, claim.id)),
    auditInsert(db, { actorId: actor.id, action: "claim.assign", entityType: "claim", entityId: claim.id, before: { assigneeId: claim.assigneeId }, after: { assigneeId: input.assigneeId } }),
  ]);
  return getClaimDetail(db, claim.id);
}

/** Add a staff comment, with its audit event. */
export async function addComment(db: Db, claimId: number, body: string, parentId: number | undefined, actor: Actor) {
  if (parentId !== undefined) {
    const parent = await db.select({ claimId: comments.claimId }).from(comments).where(eq(comments.id, parentId)).get();
    if (!parent || parent.claimId !== claimId) throw refuse("invalid", "unknown_parent", `Comment ${parentId} is not on this claim.`);
  }
  const [[created]] = await db.batch([
    db.insert(comments).values({ claimId, authorId: actor.id, body, parentId: parentId ?? null }).returning(),
    auditInsert(db, { actorId: actor.id, action: "comment.create", entityType: "claim", entityId: claimId, after: { parentId: parentId ?? null } }),
  ]);
  return created;
}
