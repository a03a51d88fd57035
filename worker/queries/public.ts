import { and, asc, desc, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import { publicClaimStates } from "../../schema/enums";
import { articleRevisions, articles, auditEvents, claimants, claims, publicState, ratingLabels, sources } from "../../schema/tables";
import type { Db } from "../db";
import { aliased } from "./alias";
import { labelOverrides } from "./ratings";
import { withLabelOverrides } from "../../schema/rating-scale";
import type { PublicArticle, PublicClaim, PublicSource } from "../domain/public-view";

export const publicArticleColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  language: articles.language,
  sourceUrl: articles.sourceUrl,
  publisher: articles.publisher,
  publishedAt: articles.publishedAt,
  author: articles.author,
};

export const publicClaimColumns = {
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
  revisionId: claims.revisionId,
};

/** Article columns beside claim columns in one batched row, so aliased apart. */
export const articleColumnsBesideClaims = {
  id: aliased(articles.id, "a_id"),
  slug: aliased(articles.slug, "a_slug"),
  title: aliased(articles.title, "a_title"),
  language: aliased(articles.language, "a_language"),
  sourceUrl: aliased(articles.sourceUrl, "a_source_url"),
  publisher: aliased(articles.publisher, "a_publisher"),
  publishedAt: aliased(articles.publishedAt, "a_published_at"),
};

/**
 * "The claim is public", spelled with literals exactly as migration 0025's partial indexes spell it:
 * SQLite uses a partial index only for a query whose WHERE repeats the index's condition.
 */
export const isPublic = sql`${claims.state} IN (${sql.raw(publicClaimStates.map((s) => `'${s}'`).join(", "))})`;

/** The version of everything public (migration 0025), read in the same batch as a page's data. */
export const publicVersionOf = (db: Db) => db.select({ version: publicState.version }).from(publicState);
export const versionIn = (rows: { version: number }[]) => rows[0]?.version ?? 0;

/** Articles of the claims linked as "the same claim" to the public claims that `ofClaims` selects. */
function appearancesOf(db: Db, ofClaims: SQL) {
  return db
    .select({ of: aliased(claims.sameAsId, "of_claim"), ...articleColumnsBesideClaims })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(inArray(claims.sameAsId, ofClaims))
    .orderBy(asc(claims.id));
}

type AppearanceRow = { of: number | null } & PublicArticle;
const withAppearances = (claim: PublicClaim, rows: AppearanceRow[]): PublicClaim => {
  const found = rows.filter((r) => r.of === claim.id).map(({ of: _, ...article }) => article as PublicArticle);
  return found.length ? { ...claim, otherAppearances: found } : claim;
};

type ClaimRowOut = { [K in keyof typeof publicClaimColumns]: unknown };

export function toPublicClaim(row: ClaimRowOut, sourceRows: (PublicSource & { claimId: number })[]): PublicClaim {
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

export const sourceColumns = { claimId: sources.claimId, url: sources.url, title: sources.title, publisher: sources.publisher, publishedAt: sources.publishedAt, quote: sources.quote };

/**
 * A public article page's data in ONE D1 round trip: the article and its current text, its public
 * claims and their sources. Draft, in-review and approved claims are filtered out in SQL.
 */
export async function publicArticleBySlug(db: Db, slug: string) {
  const articleId = sql`(select id from ${articles} where ${articles.slug} = ${slug})`;
  const [articleRows, claimRows, sourceRows, overrides, appearanceRows, version] = await db.batch([
    db
      .select({
        ...publicArticleColumns,
        currentRevisionId: articles.currentRevisionId,
        text: articleRevisions.text,
        revisionNumber: articleRevisions.number,
        revisionCreatedAt: articleRevisions.createdAt,
      })
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
    labelOverrides(db),
    appearancesOf(db, sql`(select ${claims.id} from ${claims} where ${claims.articleId} = ${articleId} and ${isPublic})`),
    publicVersionOf(db),
  ]);
  const row = articleRows[0];
  if (!row) return null;
  const { text, revisionNumber, revisionCreatedAt, currentRevisionId: _, ...article } = row;
  // Stealth-edit detection: when the text is a later revision, the page says so beside each fact-check it postdates.
  const revisedAt = revisionNumber > 1 ? revisionCreatedAt : null;
  // Only claims anchored in the current revision can be highlighted; the rest keep their card.
  const placed = new Set(claimRows.filter((c) => c.revisionId === row.currentRevisionId).map((c) => c.id));
  return {
    article: article as PublicArticle,
    text,
    claims: claimRows.map((c) => withAppearances(toPublicClaim(c, sourceRows), appearanceRows)),
    revisedAt,
    placed,
    scale: withLabelOverrides(overrides),
    version: versionIn(version),
  };
}

/** A fact-check's permalink data in one round trip: the claim, its article, sources and public log. */
export async function publicClaimById(db: Db, id: number) {
  const [claimRows, sourceRows, events, overrides, appearanceRows, version] = await db.batch([
    db
      .select({ ...publicClaimColumns, article: articleColumnsBesideClaims })
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .leftJoin(claimants, eq(claimants.id, claims.claimantId))
      .where(and(eq(claims.id, id), isPublic)),
    db.select(sourceColumns).from(sources).where(eq(sources.claimId, id)).orderBy(asc(sources.position)),
    db
      .select({ action: auditEvents.action, before: auditEvents.before, after: auditEvents.after, createdAt: auditEvents.createdAt })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "claim"), eq(auditEvents.entityId, id), inArray(auditEvents.action, [...publicActions]), gte(auditEvents.id, firstPublication(id))))
      .orderBy(asc(auditEvents.id)),
    labelOverrides(db),
    appearancesOf(db, sql`(${id})`),
    publicVersionOf(db),
  ]);
  const row = claimRows[0];
  if (!row) return null;
  return {
    claim: withAppearances(toPublicClaim(row, sourceRows), appearanceRows),
    article: row.article as PublicArticle,
    log: events.map(toPublicLogEntry),
    scale: withLabelOverrides(overrides),
    version: versionIn(version),
  };
}

/** The id of a claim's first publication event: its public log starts there, and nothing before it is public. */
const firstPublication = (claimId: number) =>
  sql`(select min(e.id) from ${auditEvents} e where e.entity_type = 'claim' and e.entity_id = ${claimId} and e.action = 'claim.publish')`;

/** The audit actions the public may see, and only their public fields: never comments or people. */
const publicActions = ["claim.publish", "claim.correct", "claim.retract", "claim.reanchor"] as const;

export interface PublicLogEntry {
  action: (typeof publicActions)[number];
  at: string;
  reason: string | null;
  ratingFrom: string | null;
  ratingTo: string | null;
}

function toPublicLogEntry(e: { action: string; before: unknown; after: unknown; createdAt: string }): PublicLogEntry {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    action: e.action as PublicLogEntry["action"],
    at: e.createdAt,
    reason: str(after.reason),
    ratingFrom: str(before.ratingKey),
    ratingTo: str(after.ratingKey),
  };
}

/**
 * The public version and the label overrides in one statement (a row for each override, or one row
 * with no label): a statement fewer in a page's batch, for pages built on every new input (search).
 */
export const publicVersionAndLabels = (db: Db) =>
  db
    .select({ version: publicState.version, label: { key: ratingLabels.key, en: ratingLabels.en, ru: ratingLabels.ru, kk: ratingLabels.kk, version: aliased(ratingLabels.version, "label_version") } })
    .from(publicState)
    .leftJoin(ratingLabels, sql`1`);

/** The scale and the public version from `publicVersionAndLabels`'s rows. */
export function scaleAndVersionIn(rows: { version: number; label: { key: string; en: string | null; ru: string | null; kk: string | null; version: number } | null }[]) {
  return { scale: withLabelOverrides(rows.flatMap((r) => (r.label ? [r.label] : []))), version: versionIn(rows) };
}

/** The scale with its labels and the public version, for a page that shows nothing else from D1. */
export async function publicScale(db: Db) {
  const [overrides, version] = await db.batch([labelOverrides(db), publicVersionOf(db)]);
  return { scale: withLabelOverrides(overrides), version: versionIn(version) };
}
