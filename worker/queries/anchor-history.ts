import { and, asc, eq } from "drizzle-orm";
import { articleRevisions, auditEvents, claimAnchorSteps } from "../../schema/tables";
import type { Db } from "../db";
import { anchorHistory } from "../domain/anchoring/history";
import { getClaim } from "./claims";

/** What a person's placement of a claim records in its audit event (see anchorClaim). */
interface PlacedByPerson {
  confirmedBy?: string;
  exact?: string;
  start?: number;
  end?: number;
}

/** A claim's place in every revision of its article and how each step was decided, oldest first; 404 for an unknown claim. */
export async function getAnchorHistory(db: Db, claimId: number) {
  const claim = await getClaim(db, claimId);
  const [revisions, steps, events] = await Promise.all([
    db.select({ id: articleRevisions.id, number: articleRevisions.number }).from(articleRevisions).where(eq(articleRevisions.articleId, claim.articleId)),
    db
      .select({
        revisionId: claimAnchorSteps.revisionId,
        at: claimAnchorSteps.createdAt,
        method: claimAnchorSteps.method,
        status: claimAnchorSteps.status,
        confidence: claimAnchorSteps.confidence,
        start: claimAnchorSteps.start,
        end: claimAnchorSteps.end,
        exact: claimAnchorSteps.exact,
      })
      .from(claimAnchorSteps)
      .where(eq(claimAnchorSteps.claimId, claimId))
      .orderBy(asc(claimAnchorSteps.id)),
    db
      .select({ at: auditEvents.createdAt, actorId: auditEvents.actorId, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "claim"), eq(auditEvents.entityId, claimId), eq(auditEvents.action, "claim.reanchor")))
      .orderBy(asc(auditEvents.id)),
  ]);
  const confirmations = events.flatMap((e) => {
    const after = (e.after ?? {}) as PlacedByPerson;
    return after.confirmedBy === "person" && typeof after.exact === "string" && typeof after.start === "number" && typeof after.end === "number"
      ? [{ at: e.at, actorId: e.actorId, exact: after.exact, start: after.start, end: after.end }]
      : [];
  });
  // The place the checker made it on: kept as the original once the pipeline first moved it.
  const first = claim.anchorOriginal ?? { ...claim, revisionId: claim.revisionId };
  return {
    claimId,
    articleId: claim.articleId,
    steps: anchorHistory({
      created: { at: claim.createdAt, authorId: claim.authorId, revisionId: first.revisionId, exact: first.exact, start: first.start, end: first.end },
      revisions,
      steps,
      confirmations,
    }),
  };
}
