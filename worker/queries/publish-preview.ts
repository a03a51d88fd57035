/**
 * What the public will see of a claim once published, read before it is: the claim as a public claim
 * (state "published", dated now), its article and the rating scale, for the card and the ClaimReview.
 */
import { asc, eq } from "drizzle-orm";
import { articles, claimants, claims, sources } from "../../schema/tables";
import { withLabelOverrides } from "../../schema/rating-scale";
import type { Db } from "../db";
import type { PublicArticle } from "../domain/public-view";
import { articleColumnsBesideClaims, publicClaimColumns, sourceColumns, toPublicClaim } from "./public";
import { labelOverrides } from "./ratings";
import { refuse } from "./refusal";

export async function publishPreview(db: Db, id: number, now: string) {
  const [claimRows, sourceRows, overrides] = await db.batch([
    db
      .select({ ...publicClaimColumns, article: articleColumnsBesideClaims })
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .leftJoin(claimants, eq(claimants.id, claims.claimantId))
      .where(eq(claims.id, id)),
    db.select(sourceColumns).from(sources).where(eq(sources.claimId, id)).orderBy(asc(sources.position)),
    labelOverrides(db),
  ]);
  const row = claimRows[0];
  if (!row) throw refuse("not_found", "not_found", `Claim ${id} does not exist.`);
  const claim = { ...toPublicClaim(row, sourceRows), state: "published" as const, publishedAt: now, updatedAt: now, publicNote: null };
  return { claim, article: row.article as PublicArticle, scale: withLabelOverrides(overrides) };
}
