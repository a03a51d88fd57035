/** Totals of claim lists, and the "needs attention" list with each claim in full, in one request. */
import { asc, count, eq, inArray } from "drizzle-orm";
import { articles, claims, sources } from "../../schema/tables";
import type { Db } from "../db";
import { claimListWhere, claimsInFull, listClaims, type ClaimListFilter } from "./claims";

/** How many claims a list has in all (not only the page shown): the statement, to batch. */
function countStatement(db: Db, filter: Omit<ClaimListFilter, "order" | "limit" | "offset">) {
  const where = claimListWhere(filter);
  const query = db.select({ n: count() }).from(claims);
  // The language filter is on the article.
  return filter.language ? query.innerJoin(articles, eq(articles.id, claims.articleId)).where(where) : query.where(where);
}

/** One page of a claim list and the list's total, in one D1 round trip. */
export async function listClaimsWithTotal(db: Db, filter: ClaimListFilter) {
  const { order: _o, limit: _l, offset: _f, ...counted } = filter;
  const [items, total] = await db.batch([listClaims(db, filter), countStatement(db, counted)]);
  return { items, total: total[0]?.n ?? 0 };
}

/**
 * The flagged claims (changed or orphaned places, published claims to re-review), oldest first, each as
 * GET /api/claims/:id gives it, with the list's total: three queries, however many claims.
 */
export async function attentionClaims(db: Db, limit: number, offset: number) {
  const where = claimListWhere({ flagged: true });
  const [rows, counted] = await Promise.all([
    claimsInFull(db)
      .where(where)
      .orderBy(asc(claims.updatedAt), asc(claims.id))
      .limit(limit)
      .offset(offset),
    countStatement(db, { flagged: true }),
  ]);
  const total = counted[0]?.n ?? 0;
  const ids = rows.map((r) => r.claim.id);
  const sourceRows = ids.length ? await db.select().from(sources).where(inArray(sources.claimId, ids)).orderBy(asc(sources.claimId), asc(sources.position)) : [];
  const items = rows.map((r) => ({
    ...r.claim,
    claimant: r.claimant?.id ? r.claimant : null,
    article: r.article,
    sources: sourceRows.filter((s) => s.claimId === r.claim.id),
  }));
  return { items, total };
}
