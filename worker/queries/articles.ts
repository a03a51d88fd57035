import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { articleImportInput, articleListQuery } from "../../schema/inputs";
import { articleRevisions, articles } from "../../schema/tables";
import { fallbackTitle, parseArticle } from "../domain/article-parse";
import { duplicateKey, paragraphsToDoc } from "../domain/article-text";
import { paragraphsToText } from "../../schema/text/paragraphs";
import { slugify } from "../domain/slug";
import { sourceKey } from "../domain/source-key";
import { sha256Hex } from "../auth/crypto";
import { searchMatch } from "../domain/search/fts-query";
import type { Db } from "../db";
import type { Actor } from "../../schema/workflow";
import { refuse } from "./refusal";
import { auditInsert } from "./audit";
import { reviseArticle, type ReanchoredClaim } from "./revisions";
import { findNearDuplicate, minhashStatements, recordReprint } from "./near-duplicates";
import { signature } from "../domain/near-duplicate";

export type ArticleRow = typeof articles.$inferSelect;
type RevisionRef = { id: number; number: number };
export type ImportResult =
  | { status: "created"; article: ArticleRow }
  /** The body is the article's current text: nothing stored. */
  | { status: "duplicate"; article: ArticleRow; revision: RevisionRef }
  /** The body is an earlier revision's text (an older copy): nothing stored, the article stays as it is. */
  | { status: "earlier_revision"; article: ArticleRow; revision: RevisionRef; currentRevision: RevisionRef }
  /** A reprint with small edits of another article: recorded against it, nothing else stored. */
  | { status: "near_duplicate"; article: ArticleRow; similarity: number }
  | { status: "revised"; article: ArticleRow; revision: RevisionRef; claims: ReanchoredClaim[] };

/** A bare site address ("inform.kz") names a publisher, not an article: many articles share it. */
const isSiteRoot = (key: string) => !key.includes("/");

/**
 * A free slug for a title: the plain slug, or the slug with the lowest free numeric suffix. `skip` passes
 * over that many free ones, so imports that raced for the same slug spread out on their next try.
 */
async function freeSlug(db: Db, title: string, skip = 0): Promise<string> {
  const base = slugify(title);
  const taken = new Set(
    // substr, not LIKE: D1 refuses LIKE patterns longer than 50 bytes.
    (await db.select({ slug: articles.slug }).from(articles).where(or(eq(articles.slug, base), sql`substr(${articles.slug}, 1, ${base.length + 1}) = ${`${base}-`}`))).map(
      (r) => r.slug,
    ),
  );
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(slug) && skip-- === 0) return slug;
  }
}

/** How many times an import looks for another slug when a concurrent one took it first. */
const slugAttempts = 16;

const isSlugTaken = (err: unknown) => /UNIQUE constraint failed: articles\.slug/.test(String((err as Error)?.message) + String((err as Error)?.cause));

/** What an import reports when its body is already stored: as the current text, or as an earlier revision's. */
async function alreadyStored(db: Db, bodyHash: string): Promise<ImportResult | undefined> {
  const isCurrent = sql<number>`${articleRevisions.id} = ${articles.currentRevisionId}`;
  const found = await db
    .select({
      article: articles,
      revision: { id: articleRevisions.id, number: articleRevisions.number },
      currentNumber: sql<number>`(select r.number from ${articleRevisions} r where r.id = ${articles.currentRevisionId})`,
    })
    .from(articleRevisions)
    .innerJoin(articles, eq(articles.id, articleRevisions.articleId))
    .where(eq(articleRevisions.bodyHash, bodyHash))
    .orderBy(desc(isCurrent), desc(articleRevisions.id))
    .get();
  if (!found) return undefined;
  const { article, revision, currentNumber } = found;
  if (revision.id === article.currentRevisionId) return { status: "duplicate", article, revision };
  return { status: "earlier_revision", article, revision, currentRevision: { id: article.currentRevisionId!, number: currentNumber } };
}

/**
 * Import one article: the single code path of POST /api/articles, the upload form and the CLI.
 * A body that normalises to an existing article's, or to any earlier revision of one, stores nothing.
 * Title, date and source are detected in the text only where the caller did not give them.
 */
export async function importArticle(
  db: Db,
  input: z.output<typeof articleImportInput>,
  actor: Actor | null,
): Promise<ImportResult> {
  const actorId = actor?.id ?? null;
  const parsed = parseArticle(input.text, input.format, {
    title: input.title === undefined,
    date: input.publishedAt === undefined,
    source: input.sourceUrl === undefined && input.publisher === undefined,
  });
  if (parsed.paragraphs.length === 0) throw refuse("invalid", "empty_article", "The article has no body text after its title and date.");
  const bodyHash = await sha256Hex(duplicateKey(parsed.paragraphs));
  const stored = await alreadyStored(db, bodyHash);
  if (stored) return stored;
  // The same source URL with a different body is the publisher's correction: a new revision, not a new article.
  const key = sourceKey(input.sourceUrl ?? parsed.sourceUrl ?? "");
  const previous = key ? await db.select().from(articles).where(eq(articles.sourceKey, key)).get() : undefined;
  if (previous && key && !isSiteRoot(key)) {
    const revised = await reviseArticle(db, previous.id, parsed.paragraphs, actor, null);
    const article = await db.select().from(articles).where(eq(articles.id, previous.id)).get();
    return { status: "revised", article: article!, revision: { id: revised.revision.id, number: revised.revision.number }, claims: revised.claims };
  }

  const title = input.title ?? parsed.title ?? fallbackTitle(parsed.paragraphs);
  const text = paragraphsToText(parsed.paragraphs);
  // A reprint with small edits (another site, another title, a fixed typo) is linked to the original, not stored again.
  const sig = signature(text);
  const near = await findNearDuplicate(db, sig);
  if (near) {
    const sourceUrl = input.sourceUrl ?? parsed.sourceUrl ?? null;
    await recordReprint(db, near.article, { bodyHash, similarity: near.similarity, title, sourceUrl, publisher: input.publisher ?? parsed.publisher ?? null }, actorId);
    return { status: "near_duplicate", article: near.article, similarity: near.similarity };
  }
  // The slug is chosen, then inserted: an import that shares a title with a concurrent one may lose the
  // slug to it (a unique-constraint error) and tries the next free one, a bounded number of times.
  for (let attempt = 0; ; attempt++) {
    const slug = await freeSlug(db, title, Math.floor(Math.random() * (2 * attempt + 1)));
    try {
      await insertArticle(db, slug, title, input, parsed, bodyHash, text, sig, actorId);
    } catch (err) {
      // Two imports of one body at once: the unique body hash lets exactly one through.
      const winner = await alreadyStored(db, bodyHash);
      if (winner) return winner;
      if (!isSlugTaken(err)) throw err;
      if (attempt + 1 >= slugAttempts) throw refuse("conflict", "slug_taken", "Many articles with this title are being imported at once; try again.");
      continue;
    }
    const article = await db.select().from(articles).where(eq(articles.slug, slug)).get();
    return { status: "created", article: article! };
  }
}

/** One batch: the article, its first revision, the search row, its signature and the audit event, or none of them. */
async function insertArticle(
  db: Db,
  slug: string,
  title: string,
  input: z.output<typeof articleImportInput>,
  parsed: ReturnType<typeof parseArticle>,
  bodyHash: string,
  text: string,
  sig: number[],
  actorId: number | null,
) {
  const articleId = sql`(select id from ${articles} where ${articles.slug} = ${slug})`;
  const values = {
    slug,
    title,
    language: input.language ?? parsed.language,
    sourceUrl: input.sourceUrl ?? parsed.sourceUrl,
    sourceKey: sourceKey(input.sourceUrl ?? parsed.sourceUrl ?? ""),
    publisher: input.publisher ?? parsed.publisher,
    publishedAt: input.publishedAt ?? parsed.publishedAt,
    author: input.author ?? null,
    bodyHash,
    createdBy: actorId,
  };
  await db.batch([
    db.insert(articles).values(values),
    db.insert(articleRevisions).values({
      articleId,
      number: 1,
      doc: paragraphsToDoc(parsed.paragraphs),
      text,
      contentHash: await sha256Hex(text),
      bodyHash,
      createdBy: actorId,
    }),
    db
      .update(articles)
      .set({ currentRevisionId: sql`(select max(id) from ${articleRevisions} where ${articleRevisions.articleId} = ${articleId})` })
      .where(eq(articles.slug, slug)),
    ...minhashStatements(db, articleId, sig),
    auditInsert(db, { actorId, action: "article.import", entityType: "article", entityId: articleId, after: values }),
  ]);
}

/** One page of articles, newest first, optionally searched (FTS5) and filtered by language. */
export async function listArticles(db: Db, query: z.output<typeof articleListQuery>) {
  const filters = [];
  if (query.language) filters.push(eq(articles.language, query.language));
  if (query.hasClaims !== undefined) {
    const has = sql`exists (select 1 from claims where claims.article_id = "articles"."id")`;
    filters.push(query.hasClaims ? has : sql`not ${has}`);
  }
  if (query.claimState?.length) {
    filters.push(sql`exists (select 1 from claims where claims.article_id = "articles"."id" and claims.state in ${query.claimState})`);
  }
  if (query.q) {
    const match = ftsQuery(query.q);
    if (match) filters.push(inArray(articles.id, sql`(select rowid from article_search where article_search match ${match})`));
  }
  const where = filters.length ? and(...filters) : undefined;
  const [items, [{ total }]] = await db.batch([
    db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        language: articles.language,
        publisher: articles.publisher,
        sourceUrl: articles.sourceUrl,
        publishedAt: articles.publishedAt,
        createdAt: articles.createdAt,
        // "articles"."id" spelled out: drizzle renders a bare "id" in one-table selects, which the subquery would read as claims.id.
        claimCount: sql<number>`(select count(*) from claims where claims.article_id = "articles"."id")`,
      })
      .from(articles)
      .where(where)
      .orderBy(desc(articles.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: sql<number>`count(*)` }).from(articles).where(where),
  ]);
  return { items, total, limit: query.limit, offset: query.offset };
}

/** An FTS5 query that matches every word the user typed as a prefix of its stem, with no FTS syntax of theirs (see domain/search). */
export function ftsQuery(q: string): string | null {
  return searchMatch(q);
}

/** The slug of the article imported from this source (see domain/source-key.ts), if any. */
export async function articleSlugBySourceKey(db: Db, key: string): Promise<string | undefined> {
  const row = await db.select({ slug: articles.slug }).from(articles).where(eq(articles.sourceKey, key)).get();
  return row?.slug;
}
