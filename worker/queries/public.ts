import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { publicClaimStates } from "../../schema/enums";
import { articleRevisions, articles, claimants, claims, sources } from "../../schema/tables";
import type { Db } from "../db";
import { aliased } from "./alias";
import type { PublicArticle, PublicClaim, PublicSource } from "../domain/public-view";

const publicArticleColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  language: articles.language,
  sourceUrl: articles.sourceUrl,
  publisher: articles.publisher,
  publishedAt: articles.publishedAt,
};

const publicClaimColumns = {
  id: claims.id,
  articleId: claims.articleId,
  state: claims.state,
  exact: claims.exact,
  prefix: claims.prefix,
  suffix: claims.suffix,
  start: claims.start,
  end: claims.end,
  ratingKey: claims.ratingKey,
  explanation: claims.explanation,
  publishedAt: claims.publishedAt,
  updatedAt: claims.updatedAt,
  publicNote: claims.publicNote,
  claimantId: aliased(claimants.id, "claimant_id"),
  claimantName: aliased(claimants.name, "claimant_name"),
  claimantKind: aliased(claimants.kind, "claimant_kind"),
};

/** Article columns beside claim columns in one batched row, so aliased apart. */
const articleColumnsBesideClaims = {
  id: aliased(articles.id, "a_id"),
  slug: aliased(articles.slug, "a_slug"),
  title: aliased(articles.title, "a_title"),
  language: aliased(articles.language, "a_language"),
  sourceUrl: aliased(articles.sourceUrl, "a_source_url"),
  publisher: aliased(articles.publisher, "a_publisher"),
  publishedAt: aliased(articles.publishedAt, "a_published_at"),
};

const isPublic = inArray(claims.state, [...publicClaimStates]);

type ClaimRowOut = { [K in keyof typeof publicClaimColumns]: unknown };

function toPublicClaim(row: ClaimRowOut, sourceRows: (PublicSource & { claimId: number })[]): PublicClaim {
  const r = row as unknown as Record<string, never>;
  return {
    id: r.id,
    articleId: r.articleId,
    state: r.state,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    start: r.start,
    end: r.end,
    ratingKey: r.ratingKey ?? "unverifiable",
    explanation: r.explanation,
    publishedAt: r.publishedAt ?? r.updatedAt,
    updatedAt: r.updatedAt,
    publicNote: r.publicNote,
    claimant: r.claimantId ? { id: r.claimantId, name: r.claimantName, kind: r.claimantKind } : null,
    sources: sourceRows.filter((s) => s.claimId === r.id).map(({ claimId: _, ...s }) => s),
  };
}

const sourceColumns = { claimId: sources.claimId, url: sources.url, title: sources.title, publisher: sources.publisher, publishedAt: sources.publishedAt, quote: sources.quote };

/**
 * A public article page's data in ONE D1 round trip: the article and its current text, its public
 * claims and their sources. Draft, in-review and approved claims are filtered out in SQL.
 */
export async function publicArticleBySlug(db: Db, slug: string) {
  const articleId = sql`(select id from ${articles} where ${articles.slug} = ${slug})`;
  const [articleRows, claimRows, sourceRows] = await db.batch([
    db
      .select({ ...publicArticleColumns, text: articleRevisions.text })
      .from(articles)
      .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
      .where(eq(articles.slug, slug)),
    db
      .select(publicClaimColumns)
      .from(claims)
      .leftJoin(claimants, eq(claimants.id, claims.claimantId))
      .where(and(eq(claims.articleId, articleId), isPublic))
      .orderBy(asc(claims.start)),
    db
      .select(sourceColumns)
      .from(sources)
      .innerJoin(claims, eq(claims.id, sources.claimId))
      .where(and(eq(claims.articleId, articleId), isPublic))
      .orderBy(asc(sources.position)),
  ]);
  const row = articleRows[0];
  if (!row) return null;
  const { text, ...article } = row;
  return { article: article as PublicArticle, text, claims: claimRows.map((c) => toPublicClaim(c, sourceRows)) };
}

/** Latest public fact-checks with their articles, for the home page and feeds. */
export async function latestPublicClaims(db: Db, limit = 20) {
  const [claimRows, sourceRows] = await db.batch([
    db
      .select({ ...publicClaimColumns, article: articleColumnsBesideClaims })
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .leftJoin(claimants, eq(claimants.id, claims.claimantId))
      .where(isPublic)
      .orderBy(desc(claims.publishedAt))
      .limit(limit),
    db
      .select(sourceColumns)
      .from(sources)
      .where(inArray(sources.claimId, db.select({ id: claims.id }).from(claims).where(isPublic).orderBy(desc(claims.publishedAt)).limit(limit))),
  ]);
  return claimRows.map((r) => ({ claim: toPublicClaim(r, sourceRows), article: r.article as PublicArticle }));
}
