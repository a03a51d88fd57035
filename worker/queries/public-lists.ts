import { and, asc, between, desc, eq, inArray, sql } from "drizzle-orm";
import { withLabelOverrides } from "../../schema/rating-scale";
import { articles, claimants, claims, sources } from "../../schema/tables";
import type { PublicArticle } from "../domain/public-view";
import type { Db } from "../db";
import {
  articleColumnsBesideClaims,
  isPublic,
  publicArticleColumns,
  publicClaimColumns,
  publicVersionOf,
  sourceColumns,
  toPublicClaim,
  versionIn,
} from "./public";
import { labelOverrides } from "./ratings";

/** A claimant's page shows this many fact-checks; the rest are on the next pages. */
export const claimantPageSize = 50;

/** URLs in one sitemap file: a block of article or claim ids (the protocol allows 50,000). */
export const sitemapBlock = 10_000;

/**
 * The ids of the latest `limit` public claims, walking migration 0025's partial index newest first.
 * Named, because SQLite's planner otherwise takes the index on state and sorts every public claim.
 */
const latestIds = (limit: number) =>
  sql`(select id from claims indexed by claims_public_recent_idx where ${isPublic} order by published_at desc limit ${limit})`;

/** The latest public claims, newest first. */
function latestClaims(db: Db, limit: number) {
  return db
    .select({ ...publicClaimColumns, article: articleColumnsBesideClaims })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(claimants, eq(claimants.id, claims.claimantId))
    .where(inArray(claims.id, latestIds(limit)))
    .orderBy(desc(claims.publishedAt));
}

const latestSources = (db: Db, limit: number) => db.select(sourceColumns).from(sources).where(inArray(sources.claimId, latestIds(limit)));

/**
 * The articles with the newest public fact-checks, newest first, with their counts. Only the latest
 * `window` public claims are looked at, so the home page costs the same at 100 or 100,000 claims; an
 * article whose last fact-check is older than all of them is reached through search and the sitemap.
 */
function recentArticles(db: Db, limit: number, window = 500) {
  const recent = db.select({ articleId: claims.articleId, publishedAt: claims.publishedAt }).from(claims).where(inArray(claims.id, latestIds(window))).as("recent");
  return db
    .select({
      ...publicArticleColumns,
      claimCount: sql<number>`(select count(*) from ${claims} where ${claims.articleId} = ${articles.id} and ${isPublic})`,
      lastPublishedAt: sql<string>`max(${recent.publishedAt})`,
    })
    .from(recent)
    .innerJoin(articles, eq(articles.id, recent.articleId))
    .groupBy(articles.id)
    .orderBy(desc(sql`max(${recent.publishedAt})`))
    .limit(limit);
}

/** The home page in one round trip: the latest fact-checks, the latest annotated articles, the scale. */
export async function publicHome(db: Db, latest = 20, articleLimit = 50) {
  const [claimRows, sourceRows, articleRows, overrides, version] = await db.batch([
    latestClaims(db, latest),
    latestSources(db, latest),
    recentArticles(db, articleLimit),
    labelOverrides(db),
    publicVersionOf(db),
  ]);
  return {
    latest: claimRows.map((r) => ({ claim: toPublicClaim(r, sourceRows), article: r.article as PublicArticle })),
    articles: articleRows,
    scale: withLabelOverrides(overrides),
    version: versionIn(version),
  };
}

/** The feed in one round trip: the latest `limit` fact-checks and the scale. */
export async function publicFeed(db: Db, limit = 50) {
  const [claimRows, sourceRows, overrides, version] = await db.batch([latestClaims(db, limit), latestSources(db, limit), labelOverrides(db), publicVersionOf(db)]);
  return {
    items: claimRows.map((r) => ({ claim: toPublicClaim(r, sourceRows), article: r.article as PublicArticle })),
    scale: withLabelOverrides(overrides),
    version: versionIn(version),
  };
}

/**
 * One page of a claimant's public track record in one round trip: who they are, their counts by
 * verdict over all their public fact-checks, and `claimantPageSize` of those, newest first.
 */
export async function publicClaimant(db: Db, id: number, page = 1) {
  const offset = (page - 1) * claimantPageSize;
  const pageIds = db.select({ id: claims.id }).from(claims).where(and(eq(claims.claimantId, id), isPublic)).orderBy(desc(claims.publishedAt)).limit(claimantPageSize).offset(offset);
  const [who, counts, claimRows, sourceRows, overrides, version] = await db.batch([
    db.select({ id: claimants.id, name: claimants.name, kind: claimants.kind, description: claimants.publicDescription }).from(claimants).where(eq(claimants.id, id)),
    db
      .select({ ratingKey: claims.ratingKey, count: sql<number>`count(*)` })
      .from(claims)
      .where(and(eq(claims.claimantId, id), isPublic))
      .groupBy(claims.ratingKey),
    db
      .select({ ...publicClaimColumns, article: articleColumnsBesideClaims })
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .leftJoin(claimants, eq(claimants.id, claims.claimantId))
      .where(and(eq(claims.claimantId, id), isPublic))
      .orderBy(desc(claims.publishedAt))
      .limit(claimantPageSize)
      .offset(offset),
    db.select(sourceColumns).from(sources).where(inArray(sources.claimId, pageIds)).orderBy(asc(sources.position)),
    labelOverrides(db),
    publicVersionOf(db),
  ]);
  const total = counts.reduce((n, c) => n + c.count, 0);
  if (!who[0] || total === 0) return null;
  return {
    claimant: who[0],
    counts: Object.fromEntries(counts.map((c) => [c.ratingKey ?? "unverifiable", c.count])) as Record<string, number>,
    total,
    page,
    pages: Math.ceil(total / claimantPageSize),
    items: claimRows.map((r) => ({ claim: toPublicClaim(r, sourceRows), article: r.article as PublicArticle })),
    scale: withLabelOverrides(overrides),
    version: versionIn(version),
  };
}

/**
 * The sitemap index: one file a block of `sitemapBlock` ids that holds public articles or claims.
 * Both lists are read from the partial indexes of public claims alone (covering scans, no table
 * lookups), so the index costs little at 100,000 claims; claim blocks carry their newest
 * publication date, article blocks none (lastmod is optional in the protocol).
 */
export async function publicSitemapIndex(db: Db) {
  const block = sitemapBlock;
  const [articleBlocks, claimBlocks, version] = await db.batch([
    db.all<{ block: number; lastmod: null }>(
      sql`select (article_id - 1) / ${sql.raw(String(block))} as block, null as lastmod from claims indexed by claims_public_article_idx where ${isPublic} group by block order by block`,
    ),
    db.all<{ block: number; lastmod: string }>(
      sql`select (id - 1) / ${sql.raw(String(block))} as block, max(published_at) as lastmod from claims indexed by claims_public_recent_idx where ${isPublic} group by block order by block`,
    ),
    publicVersionOf(db),
  ]);
  return { articleBlocks, claimBlocks, version: versionIn(version) };
}

/** One sitemap file: the public articles or claims whose ids fall in block `n`. */
export async function publicSitemapPart(db: Db, kind: "articles" | "claims", n: number) {
  const [from, to] = [n * sitemapBlock + 1, (n + 1) * sitemapBlock];
  if (kind === "claims") {
    const [rows, version] = await db.batch([
      db.select({ path: sql<string>`'/claims/' || ${claims.id}`, lastmod: claims.updatedAt }).from(claims).where(and(between(claims.id, from, to), isPublic)).orderBy(claims.id),
      publicVersionOf(db),
    ]);
    return { urls: rows, version: versionIn(version) };
  }
  const [rows, version] = await db.batch([
    db
      .select({ path: sql<string>`'/articles/' || ${articles.slug}`, lastmod: sql<string>`max(${claims.updatedAt})` })
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(and(between(claims.articleId, from, to), isPublic))
      .groupBy(articles.id)
      .orderBy(articles.id),
    publicVersionOf(db),
  ]);
  return { urls: rows, version: versionIn(version) };
}
