import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { assignInput, transitionInput } from "../../schema/inputs";
import { articles, claims, comments, users, verdicts } from "../../schema/tables";
import { decideTransition, type Actor } from "../../schema/workflow";
import type { Db } from "../db";
import { apiError } from "../http/errors";
import { auditInsert } from "./audit";
import { indexStatements } from "./match";
import { getClaimDetail, versionedClaimBatch, type ClaimRow } from "./claims";

/** Apply a workflow action: the pure decision, then the state change, its comment and its audit event in one batch. */
export async function transitionClaim(db: Db, claim: ClaimRow, input: z.output<typeof transitionInput>, actor: Actor) {
  const changesVerdict = input.action === "correct" && (input.ratingKey !== undefined || input.explanation !== undefined);
  const decision = decideTransition(actor, claim, input.action, changesVerdict);
  if (!decision.ok) throw apiError(decision.kind === "forbidden" ? 403 : 409, decision.kind === "forbidden" ? "forbidden" : "invalid_transition", decision.reason);
  const now = new Date().toISOString();
  const set: Partial<typeof claims.$inferInsert> = { state: decision.to, updatedAt: now };
  if (input.action === "publish") {
    set.publishedAt = claim.publishedAt ?? now;
    set.needsReview = false;
  }
  if (input.action === "correct" || input.action === "retract") set.publicNote = input.reason;
  const verdictChange =
    input.action === "correct" && (input.ratingKey !== undefined || input.explanation !== undefined)
      ? { ratingKey: input.ratingKey ?? claim.ratingKey ?? "unverifiable", explanation: input.explanation ?? claim.explanation ?? null }
      : null;
  if (verdictChange) Object.assign(set, verdictChange, { lastEditedBy: actor.id });
  const statements: unknown[] = [
    db.update(claims).set({ ...set, version: sql`${claims.version} + 1` }).where(eq(claims.id, claim.id)),
  ];
  if (input.action === "publish" || input.action === "correct" || input.action === "retract") {
    // The public pages of this article change: move their cache key on, in the same batch.
    statements.push(db.update(articles).set({ publicVersion: sql`${articles.publicVersion} + 1` }).where(eq(articles.id, claim.articleId)));
  }
  // A published claim joins the "already checked" corpus; a correction re-indexes it (a retraction keeps it, shown as retracted).
  if (input.action === "publish" || input.action === "correct") statements.push(...indexStatements(db, claim.id, claim.exact));
  if (verdictChange) statements.push(db.insert(verdicts).values({ claimId: claim.id, ...verdictChange, authorId: actor.id }));
  if (input.comment) statements.push(db.insert(comments).values({ claimId: claim.id, authorId: actor.id, body: input.comment }));
  statements.push(
    auditInsert(db, {
      actorId: actor.id,
      action: `claim.${input.action}`,
      entityType: "claim",
      entityId: claim.id,
      before: { state: claim.state, ...(verdictChange ? { ratingKey: claim.ratingKey } : {}) },
      after: {
        state: decision.to,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.comment ? { comment: true } : {}),
        ...(verdictChange ? { ratingKey: verdictChange.ratingKey } : {}),
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
    if (!assignee || assignee.disabledAt) throw apiError(400, "unknown_assignee", `User ${input.assigneeId} cannot be assigned.`);
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
    if (!parent || parent.claimId !== claimId) throw apiError(400, "unknown_parent", `Comment ${parentId} is not on this claim.`);
  }
  const [[created]] = await db.batch([
    db.insert(comments).values({ claimId, authorId: actor.id, body, parentId: parentId ?? null }).returning(),
    auditInsert(db, { actorId: actor.id, action: "comment.create", entityType: "claim", entityId: claimId, after: { parentId: parentId ?? null } }),
  ]);
  return created;
}
