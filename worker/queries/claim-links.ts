import { eq, inArray, sql } from "drizzle-orm";
import { articles, claims } from "../../schema/tables";
import { canLinkSameClaim, type Actor } from "../../schema/workflow";
import type { Db } from "../db";
import { apiError } from "../http/errors";
import { auditInsert } from "./audit";
import { refusedBy } from "./refusal";
import { getClaimDetail, versionedClaimBatch, type ClaimRow } from "./claims";

/**
 * Make `claim` an appearance of `sameAsId` (or undo it with null): versioned, audited, and the public
 * version of both articles moves on in the same batch, since the ClaimReview's appearances change.
 */
export async function linkSameClaim(db: Db, claim: ClaimRow, input: { version: number; sameAsId: number | null }, actor: Actor) {
  const target = input.sameAsId === null ? null : await db.select({ id: claims.id, sameAsId: claims.sameAsId, articleId: claims.articleId }).from(claims).where(eq(claims.id, input.sameAsId)).get();
  if (input.sameAsId !== null && !target) throw apiError(400, "unknown_claim", `Claim ${input.sameAsId} does not exist.`);
  const decision = canLinkSameClaim(actor, claim, target ?? null);
  if (!decision.ok) throw refusedBy(decision, "cannot_link");
  // Claims that are appearances of this one would end up two links deep: they must be re-linked first.
  if (target) {
    const dependant = await db.select({ id: claims.id }).from(claims).where(eq(claims.sameAsId, claim.id)).get();
    if (dependant) throw apiError(409, "cannot_link", `Claim ${dependant.id} is an appearance of this claim; link it to claim ${target.id} first.`, { refusal: "same_claim_dependant", vars: { id: dependant.id, target: target.id } });
  }
  const touched = [...new Set([claim.articleId, ...(target ? [target.articleId] : []), ...(claim.sameAsId ? [await articleOf(db, claim.sameAsId)] : [])])];
  await versionedClaimBatch(db, claim, input.version, [
    db.update(claims).set({ sameAsId: input.sameAsId, updatedAt: new Date().toISOString(), version: sql`${claims.version} + 1` }).where(eq(claims.id, claim.id)),
    db.update(articles).set({ publicVersion: sql`${articles.publicVersion} + 1` }).where(inArray(articles.id, touched)),
    auditInsert(db, { actorId: actor.id, action: "claim.same_as", entityType: "claim", entityId: claim.id, before: { sameAsId: claim.sameAsId }, after: { sameAsId: input.sameAsId } }),
  ]);
  return getClaimDetail(db, claim.id);
}

async function articleOf(db: Db, claimId: number) {
  return (await db.select({ articleId: claims.articleId }).from(claims).where(eq(claims.id, claimId)).get())?.articleId ?? 0;
}
