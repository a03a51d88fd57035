import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { anchorInput } from "../../schema/inputs";
import { articles, claims } from "../../schema/tables";
import type { Actor } from "../../schema/workflow";
import type { Db } from "../db";
import { apiError } from "../http/errors";
import { auditInsert } from "./audit";
import { checkedSelector, currentRevisionGuard, getClaimDetail, versionedClaimBatch, withShaper, type ClaimRow } from "./claims";

/** What a place chosen or confirmed by a person sets: anchored for sure, nothing left to suggest or review. */
const placedByPerson = { anchorStatus: "anchored", anchorConfidence: 1, anchorSuggestion: null, anchorProposal: null, needsReview: false } as const;

/**
 * A person places a claim that is not public yet: confirms the suggestion, or selects new text. The
 * claim moves to the current revision, anchored with full confidence; placing it shapes it (four eyes).
 */
export async function anchorClaim(db: Db, claim: ClaimRow, input: z.output<typeof anchorInput>, actor: Actor) {
  const { revisionId, selector } = await checkedSelector(db, claim.articleId, input.selector);
  await versionedClaimBatch(db, claim, input.version, [
    currentRevisionGuard(db, claim.articleId, revisionId),
    db
      .update(claims)
      .set({
        revisionId,
        ...selector,
        ...placedByPerson,
        lastEditedBy: actor.id,
        shapedBy: withShaper(claim, actor),
        updatedAt: new Date().toISOString(),
        version: sql`${claims.version} + 1`,
      })
      .where(eq(claims.id, claim.id)),
    auditInsert(db, {
      actorId: actor.id,
      action: "claim.reanchor",
      entityType: "claim",
      entityId: claim.id,
      before: { status: claim.anchorStatus, exact: claim.exact, start: claim.start, end: claim.end },
      after: { status: "anchored", confirmedBy: "person", exact: selector.exact, start: selector.start, end: selector.end },
    }),
  ]);
  return getClaimDetail(db, claim.id);
}

/**
 * Propose a new place for a public claim whose anchor a revision changed or lost. Nothing public
 * changes: the page keeps saying the article changed until a second person confirms (confirmAnchor).
 */
export async function proposeAnchor(db: Db, claim: ClaimRow, input: z.output<typeof anchorInput>, actor: Actor) {
  const { revisionId, selector } = await checkedSelector(db, claim.articleId, input.selector);
  const proposal = { revisionId, ...selector, proposedBy: actor.id };
  await versionedClaimBatch(db, claim, input.version, [
    currentRevisionGuard(db, claim.articleId, revisionId),
    db
      .update(claims)
      .set({ anchorProposal: proposal, shapedBy: withShaper(claim, actor), updatedAt: new Date().toISOString(), version: sql`${claims.version} + 1` })
      .where(eq(claims.id, claim.id)),
    auditInsert(db, { actorId: actor.id, action: "claim.reanchor_propose", entityType: "claim", entityId: claim.id, before: { status: claim.anchorStatus }, after: proposal }),
  ]);
  return getClaimDetail(db, claim.id);
}

/** A second person confirms the proposed place: the public page moves the highlight there, in one batch with its audit event. */
export async function confirmAnchor(db: Db, claim: ClaimRow, version: number, actor: Actor) {
  const proposal = claim.anchorProposal;
  if (!proposal) throw apiError(409, "no_proposal", "There is no proposed place to confirm.");
  const { revisionId, proposedBy, ...selector } = proposal;
  await versionedClaimBatch(db, claim, version, [
    // The proposal quotes one revision; a newer one clears proposals, and this guard covers the race.
    currentRevisionGuard(db, claim.articleId, revisionId),
    db
      .update(claims)
      .set({
        revisionId,
        ...selector,
        ...placedByPerson,
        // Confirmed and public again: the next change starts a new round of four eyes.
        shapedBy: [],
        updatedAt: new Date().toISOString(),
        version: sql`${claims.version} + 1`,
      })
      .where(eq(claims.id, claim.id)),
    db.update(articles).set({ publicVersion: sql`${articles.publicVersion} + 1` }).where(eq(articles.id, claim.articleId)),
    auditInsert(db, {
      actorId: actor.id,
      action: "claim.reanchor",
      entityType: "claim",
      entityId: claim.id,
      before: { status: claim.anchorStatus, exact: claim.exact, start: claim.start, end: claim.end },
      after: { status: "anchored", confirmedBy: "person", proposedBy, exact: selector.exact, start: selector.start, end: selector.end },
    }),
  ]);
  return getClaimDetail(db, claim.id);
}
