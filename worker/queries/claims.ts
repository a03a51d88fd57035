import { and, asc, eq, inArray, or, sql, desc, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { claimCreateInput, claimUpdateInput, sourceInput } from "../../schema/inputs";
import { articleRevisions, articles, auditEvents, claimants, claims, comments, sources, users, verdicts, writeGuards } from "../../schema/tables";
import { publicClaimStates, type ClaimState } from "../../schema/enums";
import { nowIso } from "../../schema/tables/columns";
import { codePointLength, codePointSlice } from "../../schema/text/code-points";
import type { Actor } from "../../schema/workflow";
import type { Db } from "../db";
import { aliased } from "./alias";
import { describeRange } from "../domain/text-selector";
import { auditInsert, guardOneRow, isStaleWrite, versionGuard } from "./audit";
import { runBatch, type Statement } from "./batch";
import { chunkedInserts } from "./chunked-insert";
import { resolveClaimant } from "./claimants";
import { refuse } from "./refusal";
import { getArticleWithRevision } from "./revisions";

export type ClaimRow = typeof claims.$inferSelect;
type ClaimContent = Omit<z.output<typeof claimUpdateInput>, "version">;

/** A claim row, or a 404. */
export async function getClaim(db: Db, id: number): Promise<ClaimRow> {
  const claim = await db.select().from(claims).where(eq(claims.id, id)).get();
  if (!claim) throw refuse("not_found", "not_found", `Claim ${id} does not exist.`);
  return claim;
}

/** Claims with their claimant and article, as GET /api/claims/:id gives them; add `.where()`. */
export function claimsInFull(db: Db) {
  return db
    .select({
      claim: claims,
      claimant: { id: claimants.id, name: claimants.name, kind: claimants.kind },
      article: { id: articles.id, slug: articles.slug, title: articles.title, language: articles.language },
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(claimants, eq(claimants.id, claims.claimantId));
}

/** A claim with what a reviewer needs beside it: claimant, sources, article and people. */
export async function getClaimDetail(db: Db, id: number) {
  // Two plain queries, not a batch: batched rows are objects, and claims.id would collide with claimants.id.
  const [claimRows, sourceRows] = await Promise.all([
    claimsInFull(db).where(eq(claims.id, id)),
    db.select().from(sources).where(eq(sources.claimId, id)).orderBy(asc(sources.position)),
  ]);
  const row = claimRows[0];
  if (!row) throw refuse("not_found", "not_found", `Claim ${id} does not exist.`);
  return { ...row.claim, claimant: row.claimant?.id ? row.claimant : null, article: row.article, sources: sourceRows };
}

function sourceRows(claimId: SQL | number, list: z.output<typeof sourceInput>[]) {
  return list.map((s, position) => ({ ...s, claimId, position }));
}

/** The statements and column changes that write a claim's content (claimant, verdict, sources). */
async function contentWrite(db: Db, claimId: SQL | number, content: ClaimContent, actor: Actor, previous?: ClaimRow) {
  const statements: Statement[] = [];
  const set: Partial<typeof claims.$inferInsert> = {};
  if (content.claimant !== undefined) {
    if (content.claimant === null) set.claimantId = null;
    else {
      const resolved = await resolveClaimant(db, content.claimant, actor);
      statements.push(...resolved.statements);
      set.claimantId = resolved.id as number;
    }
  }
  if (content.ratingKey !== undefined) set.ratingKey = content.ratingKey;
  if (content.explanation !== undefined) set.explanation = content.explanation;
  const verdictChanged =
    (content.ratingKey !== undefined && content.ratingKey !== (previous?.ratingKey ?? null)) ||
    (content.explanation !== undefined && JSON.stringify(content.explanation) !== JSON.stringify(previous?.explanation ?? null));
  const ratingKey = content.ratingKey !== undefined ? content.ratingKey : previous?.ratingKey;
  const after: Statement[] = [];
  if (verdictChanged && ratingKey) {
    const explanation = content.explanation !== undefined ? content.explanation : (previous?.explanation ?? null);
    after.push(db.insert(verdicts).values({ claimId, ratingKey, explanation, authorId: actor.id }));
  }
  if (content.sources !== undefined) {
    after.push(db.delete(sources).where(eq(sources.claimId, claimId)));
    after.push(...chunkedInserts(db, sources, sourceRows(claimId, content.sources)));
  }
  return { before: statements, set, after };
}

/** The current revision's id and text, checking that `selector` quotes it exactly (400 otherwise). */
export async function checkedSelector(db: Db, articleId: number, selector: z.output<typeof claimCreateInput>["selector"], revisionId?: number) {
  const { revision } = await getArticleWithRevision(db, articleId);
  if (revisionId !== undefined && revisionId !== revision.id) {
    throw refuse("conflict", "stale_revision", "The article has a newer revision; reload it and select the text again.", {
      currentRevisionId: revision.id,
    });
  }
  const { quote, position } = selector;
  if (position.end > codePointLength(revision.text)) {
    throw refuse("invalid", "selector_out_of_range", "The TextPositionSelector ends after the end of the article.");
  }
  const actual = codePointSlice(revision.text, position.start, position.end);
  if (actual !== quote.exact) {
    throw refuse("invalid", "selector_mismatch", "The quote is not the text at that position of the article.", { expected: actual, received: quote.exact });
  }
  // Context is recomputed from the text itself: the server, not the client, is the authority on it.
  return { revisionId: revision.id, selector: describeRange(revision.text, position.start, position.end) };
}

/** A guard statement (see writeGuards) that fails the batch if the article's current revision is no longer `revisionId`. */
export function currentRevisionGuard(db: Db, articleId: number, revisionId: number) {
  return guardOneRow(db, articles, and(eq(articles.id, articleId), eq(articles.currentRevisionId, revisionId)));
}

/** Create a claim on the article's current revision; the selector must quote that revision exactly. */
export async function createClaim(db: Db, articleId: number, input: z.output<typeof claimCreateInput>, actor: Actor) {
  const { revisionId, selector } = await checkedSelector(db, articleId, input.selector, input.revisionId);
  // A batch is one transaction on D1's single writer, so right after the insert the newest id is ours.
  const claimId = sql`(select max(id) from ${claims})`;
  const content = await contentWrite(db, claimId, input, actor);
  const values = { articleId, revisionId, ...selector, ...content.set, authorId: actor.id, lastEditedBy: actor.id, shapedBy: [actor.id] };
  const revisionGuard = currentRevisionGuard(db, articleId, revisionId);
  const results = await runBatch(db, [
    revisionGuard,
    ...content.before,
    db.insert(claims).values(values).returning({ id: claims.id }),
    ...content.after,
    auditInsert(db, { actorId: actor.id, action: "claim.create", entityType: "claim", entityId: claimId, after: { ...selector, ...input, selector: undefined } }),
    db.delete(writeGuards),
  ]).catch((err) => {
    if (isStaleWrite(err)) throw refuse("conflict", "stale_revision", "The article got a new revision while you worked; reload it and select the text again.");
    throw err;
  });
  const [{ id }] = (results as unknown[])[content.before.length + 1] as { id: number }[];
  return getClaimDetail(db, id);
}

/** Run a versioned batch on one claim: all of it if the claim still has `version`, none of it otherwise. */
export async function versionedClaimBatch(db: Db, claim: ClaimRow, version: number, statements: Statement[]) {
  if (version !== claim.version) throw staleClaim(claim.version);
  const guard = versionGuard(db, claims, claim.id, version);
  try {
    await db.batch([guard.open, ...statements, guard.close]);
  } catch (err) {
    if (isStaleWrite(err)) {
      const current = await db.select({ version: claims.version }).from(claims).where(eq(claims.id, claim.id)).get();
      throw staleClaim(current?.version ?? claim.version);
    }
    throw err;
  }
}

function staleClaim(currentVersion: number) {
  return refuse("conflict", "stale_version", "Someone saved this claim after you loaded it. Reload to see their change.", { currentVersion });
}

/** Update a claim's content under optimistic concurrency, with its audit event in the same batch. */
export async function updateClaim(db: Db, claim: ClaimRow, input: z.output<typeof claimUpdateInput>, actor: Actor) {
  const { version, ...content } = input;
  const write = await contentWrite(db, claim.id, content, actor, claim);
  // The sources as they were, so the history can say which were added or removed.
  const sourcesBefore = content.sources === undefined ? undefined : await db.select({ url: sources.url, title: sources.title }).from(sources).where(eq(sources.claimId, claim.id)).orderBy(asc(sources.position));
  const now = new Date().toISOString();
  await versionedClaimBatch(db, claim, version, [
    ...write.before,
    db
      .update(claims)
      .set({ ...write.set, lastEditedBy: actor.id, shapedBy: Object.values(content).some((v) => v !== undefined) ? withShaper(claim, actor) : claim.shapedBy, updatedAt: now, version: sql`${claims.version} + 1` })
      .where(eq(claims.id, claim.id)),
    ...write.after,
    auditInsert(db, { actorId: actor.id, action: "claim.update", entityType: "claim", entityId: claim.id, before: { ...pickContent(claim), ...(sourcesBefore ? { sources: sourcesBefore } : {}) }, after: content }),
  ]);
  return getClaimDetail(db, claim.id);
}

/** The claim's shapers plus `actor`: whoever saves content (claimant, verdict, explanation, sources, quote) shaped it. */
export const withShaper = (claim: Pick<ClaimRow, "shapedBy">, actor: Actor) => (claim.shapedBy.includes(actor.id) ? claim.shapedBy : [...claim.shapedBy, actor.id]);

const pickContent = (c: ClaimRow) => ({ claimantId: c.claimantId, ratingKey: c.ratingKey, explanation: c.explanation });

/** Claims of an article, in text order. */
export function listArticleClaims(db: Db, articleId: number) {
  return db
    .select({
      id: claims.id,
      exact: claims.exact,
      prefix: claims.prefix,
      suffix: claims.suffix,
      start: claims.start,
      end: claims.end,
      state: claims.state,
      ratingKey: claims.ratingKey,
      anchorStatus: claims.anchorStatus,
      anchorConfidence: claims.anchorConfidence,
      claimantName: claimants.name,
      authorId: claims.authorId,
      assigneeId: claims.assigneeId,
      version: claims.version,
      sameAsId: claims.sameAsId,
      needsReview: claims.needsReview,
    })
    .from(claims)
    .leftJoin(claimants, eq(claimants.id, claims.claimantId))
    .where(eq(claims.articleId, articleId))
    .orderBy(asc(claims.start));
}

/**
 * Delete a draft at the version the client saw, and everything hanging off it. Its audit event, written
 * in the same batch, keeps what was deleted: content, sources, comments and verdict history.
 */
export async function deleteDraft(db: Db, claim: ClaimRow, version: number, actor: Actor) {
  const rowsOf = (table: string, fields: string) => sql.raw(`(select json_group_array(json_object(${fields})) from ${table} where claim_id = claims.id)`);
  const deleted = sql`json_object(
    'state', claims.state, 'exact', claims.exact, 'claimantId', claims.claimant_id, 'ratingKey', claims.rating_key, 'explanation', json(claims.explanation),
    'sources', ${rowsOf("sources", "'url', url, 'title', title, 'publisher', publisher, 'publishedAt', published_at, 'accessedAt', accessed_at, 'archivedUrl', archived_url, 'quote', quote")},
    'comments', ${rowsOf("comments", "'authorId', author_id, 'parentId', parent_id, 'body', body, 'createdAt', created_at")},
    'verdicts', ${rowsOf("verdicts", "'authorId', author_id, 'ratingKey', rating_key, 'explanation', json(explanation), 'createdAt', created_at")})`;
  await versionedClaimBatch(db, claim, version, [
    db.insert(auditEvents).select(
      db
        .select({
          id: sql`null`.as("id"),
          actorId: sql`${actor.id}`.as("actor_id"),
          action: sql`'claim.delete'`.as("action"),
          entityType: sql`'claim'`.as("entity_type"),
          entityId: claims.id,
          before: deleted.as("before"),
          after: sql`null`.as("after"),
          createdAt: sql`${nowIso}`.as("created_at"),
        })
        .from(claims)
        .where(eq(claims.id, claim.id)),
    ),
    db.delete(sources).where(eq(sources.claimId, claim.id)),
    db.delete(verdicts).where(eq(verdicts.claimId, claim.id)),
    db.delete(comments).where(eq(comments.claimId, claim.id)),
    db.delete(claims).where(eq(claims.id, claim.id)),
  ]);
}

export interface ClaimListFilter {
  /** Claims a person must look at: changed or orphaned anchors, or published claims flagged for re-review. */
  flagged?: boolean;
  states?: ClaimState[];
  authorId?: number;
  assigneeId?: number;
  articleId?: number;
  /** The article's language. */
  language?: string;
  order: "oldest" | "newest";
  limit: number;
  offset: number;
}

/** The condition of a claim list (shared by the list, its total and the attention list). */
export function claimListWhere(filter: Omit<ClaimListFilter, "order" | "limit" | "offset">) {
  return and(
    filter.states?.length ? inArray(claims.state, filter.states) : undefined,
    filter.authorId ? eq(claims.authorId, filter.authorId) : undefined,
    filter.assigneeId ? eq(claims.assigneeId, filter.assigneeId) : undefined,
    filter.articleId ? eq(claims.articleId, filter.articleId) : undefined,
    filter.language ? eq(articles.language, filter.language) : undefined,
    filter.flagged ? or(inArray(claims.anchorStatus, ["changed", "orphaned"]), eq(claims.needsReview, true)) : undefined,
  );
}

/** Claims across articles for queues and dashboards. */
export function listClaims(db: Db, filter: ClaimListFilter) {
  const where = claimListWhere(filter);
  return db
    .select({
      id: claims.id,
      exact: claims.exact,
      state: claims.state,
      ratingKey: claims.ratingKey,
      updatedAt: claims.updatedAt,
      createdAt: claims.createdAt,
      version: claims.version,
      needsReview: claims.needsReview,
      anchorStatus: claims.anchorStatus,
      anchorConfidence: claims.anchorConfidence,
      authorId: claims.authorId,
      // Aliased apart: in a D1 batch (listClaimsWithTotal) rows come back by column name.
      authorName: aliased(users.name, "author_name"),
      assigneeId: claims.assigneeId,
      claimantName: aliased(claimants.name, "claimant_name"),
      article: { id: aliased(articles.id, "a_id"), title: aliased(articles.title, "a_title"), slug: aliased(articles.slug, "a_slug"), language: aliased(articles.language, "a_language") },
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .innerJoin(users, eq(users.id, claims.authorId))
    .leftJoin(claimants, eq(claimants.id, claims.claimantId))
    .where(where)
    .orderBy(filter.order === "oldest" ? asc(claims.updatedAt) : desc(claims.updatedAt))
    .limit(filter.limit)
    .offset(filter.offset);
}

/** Staff comments on a claim, oldest first, with their authors' names. */
export function listComments(db: Db, claimId: number) {
  return db
    .select({ id: comments.id, parentId: comments.parentId, body: comments.body, createdAt: comments.createdAt, authorId: comments.authorId, authorName: users.name })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.claimId, claimId))
    .orderBy(asc(comments.id));
}
