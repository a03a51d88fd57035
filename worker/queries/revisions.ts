import { and, asc, eq, sql } from "drizzle-orm";
import { canReviseArticle, isPublicClaim, type Actor } from "../../schema/workflow";
import { articleRevisions, articles, claims, writeGuards } from "../../schema/tables";
import { sha256Hex } from "../auth/crypto";
import type { Db } from "../db";
import type { ReanchorResult } from "../domain/anchoring";
import { follow, prepareStep, trackedFrom, type FollowResult } from "../domain/anchoring/follow";
import { duplicateKey, paragraphsToDoc } from "../domain/article-text";
import { paragraphsToText } from "../../schema/text/paragraphs";
import { enforce } from "../http/errors";
import { refuse } from "./refusal";
import { auditInsert, isStaleWrite, versionGuard } from "./audit";
import { batchStatements } from "./batch";


/** An article joined to its current revision, or a not_found refusal. */
export async function getArticleWithRevision(db: Db, id: number) {
  const row = await db
    .select({ article: articles, revision: articleRevisions })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .where(eq(articles.id, id))
    .get();
  if (!row) throw refuse("not_found", "not_found", `Article ${id} does not exist.`);
  return row;
}

export interface ReanchoredClaim {
  id: number;
  anchor: Pick<ReanchorResult, "status" | "confidence" | "selector">;
}

/**
 * A new revision of an article's text, with every claim re-anchored in the same batch: followed through
 * the diff from the current revision first, by its quotes where the diff lost it (see domain/anchoring/follow.ts).
 * Placed claims move to the new revision; changed and orphaned ones keep their confirmed selector and
 * revision, get a suggestion where there is one (carried on from the last one while nobody confirms it),
 * and, if the public can see them, go back to the editors. Each claim's step is recorded for its history.
 * `expectedVersion` null skips the version check (a re-import of the same source).
 */
export async function reviseArticle(db: Db, articleId: number, paragraphs: string[], actor: Actor | null, expectedVersion: number | null) {
  const actorId = actor?.id ?? null;
  const [{ article, revision }, claimRows] = await Promise.all([
    getArticleWithRevision(db, articleId),
    db.select().from(claims).where(eq(claims.articleId, articleId)).orderBy(asc(claims.id)),
  ]);
  const version = expectedVersion ?? article.version;
  if (version !== article.version) {
    throw refuse("conflict", "stale_version", "The article changed since you loaded it.", { currentVersion: article.version });
  }
  // A local import script (no actor) runs with the database's own rights; people ask the rules.
  if (actor) enforce(canReviseArticle(actor, { publicClaims: claimRows.filter(isPublicClaim).length }));
  if (paragraphs.length === 0) throw refuse("invalid", "empty_article", "The new revision has no text.");
  const text = paragraphsToText(paragraphs);
  if (text === revision.text) {
    return { revision: { id: revision.id, number: revision.number }, unchanged: true, claims: [] as ReanchoredClaim[] };
  }
  const bodyHash = await sha256Hex(duplicateKey(paragraphs));
  const twin = await db.select({ id: articles.id }).from(articles).where(eq(articles.bodyHash, bodyHash)).get();
  if (twin && twin.id !== articleId) throw refuse("conflict", "duplicate", `This text is already article ${twin.id}.`, { articleId: twin.id });

  const step = prepareStep(revision.text, text);
  // A placed claim's selector points into the current revision; one that does not (never expected) is found by its quotes.
  const results = claimRows.map((claim) => {
    const tracked = trackedFrom(claim);
    const stale = claim.anchorStatus !== "changed" && claim.revisionId !== revision.id;
    return follow(stale ? { ...tracked, current: null } : tracked, step);
  });
  const reanchoring = reanchorStatements(db, articleId, claimRows, results, actorId, revision.number + 1);
  const { updates } = reanchoring;
  const guard = versionGuard(db, articles, articleId, version);
  const statements = [
    guard.open,
    reanchoring.guard,
    db.insert(articleRevisions).values({
      articleId,
      number: revision.number + 1,
      doc: paragraphsToDoc(paragraphs),
      text,
      contentHash: await sha256Hex(text),
      bodyHash,
      createdBy: actorId,
    }),
    db
      .update(articles)
      .set({
        currentRevisionId: sql`(select max(${articleRevisions.id}) from ${articleRevisions} where ${articleRevisions.articleId} = ${articleId})`,
        bodyHash,
        version: sql`${articles.version} + 1`,
        publicVersion: sql`${articles.publicVersion} + 1`,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(articles.id, articleId)),
    ...reanchoring.statements,
    auditInsert(db, {
      actorId,
      action: "article.revise",
      entityType: "article",
      entityId: articleId,
      before: { revision: revision.number },
      after: { revision: revision.number + 1, claims: results.map((r) => r.status) },
    }),
    guard.close,
  ];
  try {
    await batchStatements(db, statements);
  } catch (err) {
    if (isStaleWrite(err)) throw refuse("conflict", "stale_version", "The article or one of its claims changed while this revision was saved; try again.");
    throw err;
  }
  const next = await db
    .select({ id: articleRevisions.id, number: articleRevisions.number, createdAt: articleRevisions.createdAt })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.number, revision.number + 1)))
    .get();
  return {
    revision: next!,
    unchanged: false,
    claims: updates.map((u, i) => ({ id: u.id, anchor: { status: results[i].status, confidence: results[i].confidence, selector: results[i].selector } })),
  };
}

/**
 * The statements that store re-anchoring `results` (one per claim row, in order) for the caller's batch:
 * a guard that the claims are all of the article's and still as read, the claims' new places, their
 * anchor steps and audit events. Placed claims move to the article's current revision as the batch
 * sees it, so put these after the statement that changes it.
 */
export function reanchorStatements(db: Db, articleId: number, claimRows: (typeof claims.$inferSelect)[], results: FollowResult[], actorId: number | null, revisionNumber: number) {
  const updates = claimRows.map((claim, i) => {
    const r = results[i];
    const placed = r.status === "anchored" || r.status === "moved";
    return {
      id: claim.id,
      version: claim.version,
      placed,
      status: r.status,
      method: r.method,
      confidence: r.confidence,
      selector: placed ? r.selector : null,
      suggestion: r.status === "changed" ? r.selector : null,
      needsReview: !placed && isPublicClaim(claim),
      before: { status: claim.anchorStatus, start: claim.start, end: claim.end, exact: claim.exact },
    };
  });
  const payload = JSON.stringify(updates);
  const newRevisionId = sql`(select ${articles.currentRevisionId} from ${articles} where ${articles.id} = ${articleId})`;
  // The claims must be all of the article's claims, each as read: a claim created or edited meanwhile
  // would otherwise keep a selector into the old text under the new revision.
  const guard = sql`insert into write_guards (ok)
      select count(*) = 0 from claims c
      where c.article_id = ${articleId}
        and not exists (select 1 from json_each(${payload}) u where json_extract(u.value, '$.id') = c.id and json_extract(u.value, '$.version') = c.version)`;
  const statements = [
    // Every claim in one statement, however many: the re-anchoring results travel as one JSON array.
    sql`
      update claims set
        revision_id = case when json_extract(u.value, '$.placed') then ${newRevisionId} else claims.revision_id end,
        exact = coalesce(json_extract(u.value, '$.selector.exact'), claims.exact),
        prefix = coalesce(json_extract(u.value, '$.selector.prefix'), claims.prefix),
        suffix = coalesce(json_extract(u.value, '$.selector.suffix'), claims.suffix),
        start = coalesce(json_extract(u.value, '$.selector.start'), claims.start),
        "end" = coalesce(json_extract(u.value, '$.selector.end'), claims."end"),
        anchor_status = json_extract(u.value, '$.status'),
        anchor_confidence = json_extract(u.value, '$.confidence'),
        anchor_suggestion = json_extract(u.value, '$.suggestion'),
        -- The selector the claim was made with, kept the first time re-anchoring touches it.
        anchor_original = coalesce(claims.anchor_original, json_object('exact', claims.exact, 'prefix', claims.prefix, 'suffix', claims.suffix, 'start', claims.start, 'end', claims."end", 'revisionId', claims.revision_id)),
        -- A proposed place quotes the old text: it lapses with the revision.
        anchor_proposal = null,
        needs_review = claims.needs_review or json_extract(u.value, '$.needsReview'),
        -- A claim whose place or status changed is a new version: an editor holding the old one must reload.
        version = claims.version + (case when json_extract(u.value, '$.status') = 'anchored' and json_extract(u.value, '$.before.status') = 'anchored' then 0 else 1 end)
      from json_each(${payload}) as u
      where claims.id = json_extract(u.value, '$.id')`,
    // Every claim's place (or suggestion) in the new revision and how it was decided: its history.
    sql`
      insert into claim_anchor_steps (claim_id, revision_id, status, method, confidence, start, "end", exact)
      select json_extract(u.value, '$.id'), ${newRevisionId}, json_extract(u.value, '$.status'), json_extract(u.value, '$.method'), json_extract(u.value, '$.confidence'),
        coalesce(json_extract(u.value, '$.selector.start'), json_extract(u.value, '$.suggestion.start')),
        coalesce(json_extract(u.value, '$.selector.end'), json_extract(u.value, '$.suggestion.end')),
        coalesce(json_extract(u.value, '$.selector.exact'), json_extract(u.value, '$.suggestion.exact'))
      from json_each(${payload}) as u`,
    sql`
      insert into audit_events (actor_id, action, entity_type, entity_id, before, after)
      select ${actorId}, 'claim.reanchor', 'claim', json_extract(u.value, '$.id'), json_extract(u.value, '$.before'),
        json_object('status', json_extract(u.value, '$.status'), 'method', json_extract(u.value, '$.method'), 'confidence', json_extract(u.value, '$.confidence'), 'revision', ${revisionNumber})
      from json_each(${payload}) as u
      where not (json_extract(u.value, '$.status') = 'anchored' and json_extract(u.value, '$.before.status') = 'anchored')`,
  ];
  return { updates, guard, statements };
}

/**
 * Re-anchor an article's claims against its current revision, without a new one (`npm run factline --
 * reanchor`): claims left changed or orphaned on an older revision are looked for again. One batch; none
 * when every claim is already anchored where it was.
 */
export async function reanchorArticle(db: Db, articleId: number, actorId: number | null) {
  const [current, claimRows] = await Promise.all([
    db
      .select({ id: articleRevisions.id, number: articleRevisions.number, text: articleRevisions.text })
      .from(articles)
      .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
      .where(eq(articles.id, articleId))
      .get(),
    db.select().from(claims).where(eq(claims.articleId, articleId)).orderBy(asc(claims.id)),
  ]);
  if (!current) throw refuse("not_found", "not_found", `Article ${articleId} does not exist.`);
  const step = prepareStep(current.text, current.text);
  const results = claimRows.map((claim) => {
    const tracked = trackedFrom(claim);
    const stale = claim.anchorStatus !== "changed" && claim.revisionId !== current.id;
    return follow(stale ? { ...tracked, current: null } : tracked, step);
  });
  const settled = claimRows.every((c, i) => c.revisionId === current.id && c.anchorStatus === "anchored" && results[i].status === "anchored");
  if (claimRows.length > 0 && !settled) {
    const reanchoring = reanchorStatements(db, articleId, claimRows, results, actorId, current.number);
    await batchStatements(db, [
      reanchoring.guard,
      ...reanchoring.statements,
      // A claim the public sees may now read differently: move the public cache key on.
      db.update(articles).set({ publicVersion: sql`${articles.publicVersion} + 1` }).where(eq(articles.id, articleId)),
      db.delete(writeGuards),
    ]);
  }
  return results.map((r) => r.status);
}

/** Ids of the articles that have claims, ascending. */
export async function articleIdsWithClaims(db: Db) {
  return (await db.selectDistinct({ id: claims.articleId }).from(claims).orderBy(asc(claims.articleId))).map((r) => r.id);
}

/** The revisions of an article, newest first, without their texts. */
export function listRevisions(db: Db, articleId: number) {
  return db
    .select({ id: articleRevisions.id, number: articleRevisions.number, createdAt: articleRevisions.createdAt, createdBy: articleRevisions.createdBy, contentHash: articleRevisions.contentHash })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(sql`${articleRevisions.number} desc`);
}

/** One revision's text, or a 404. */
export async function getRevision(db: Db, articleId: number, number: number) {
  const row = await db
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.number, number)))
    .get();
  if (!row) throw refuse("not_found", "not_found", `Article ${articleId} has no revision ${number}.`);
  return row;
}

