import { and, asc, eq, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { publicClaimStates } from "../../schema/enums";
import { articles, claims, sourceWatch, watchSettings, writeGuards } from "../../schema/tables";
import type { Db } from "../db";
import { apiError } from "../http/errors";
import { auditInsert, guardOneRow, isStaleWrite } from "./audit";

/** The watch's schedule; off until an admin turns it on. */
export async function getWatchSettings(db: Db) {
  const row = await db.select().from(watchSettings).where(eq(watchSettings.id, 1)).get();
  return row ?? { id: 1, enabled: false, intervalMinutes: 360, maxFetchesPerRun: 10, version: 0, updatedBy: null, updatedAt: null };
}

/** Set the schedule, versioned (version 0 the first time) and audited. */
export async function setWatchSettings(db: Db, input: { enabled: boolean; intervalMinutes: number; maxFetchesPerRun: number; version: number }, actorId: number) {
  const { version, ...values } = input;
  const guard =
    version === 0
      ? db.insert(writeGuards).select(db.select({ ok: sql<number>`count(*) = 0`.as("ok") }).from(watchSettings))
      : guardOneRow(db, watchSettings, and(eq(watchSettings.id, 1), eq(watchSettings.version, version)));
  const stamp = { updatedBy: actorId, updatedAt: new Date().toISOString() };
  try {
    await db.batch([
      guard,
      db.insert(watchSettings).values({ id: 1, ...values, ...stamp }).onConflictDoUpdate({ target: watchSettings.id, set: { ...values, ...stamp, version: sql`${watchSettings.version} + 1` } }),
      auditInsert(db, { actorId, action: "watch.settings", entityType: "watch_settings", entityId: 1, after: values }),
      db.delete(writeGuards),
    ]);
  } catch (err) {
    if (!isStaleWrite(err)) throw err;
    throw apiError(409, "stale_version", "Someone changed the watch settings first.", { currentVersion: (await getWatchSettings(db)).version });
  }
  return getWatchSettings(db);
}

/** Watched articles (a source URL and at least one public claim) due for a check at `now`, the longest-waiting first. */
export function dueForWatch(db: Db, now: string, limit: number) {
  const hasPublicClaim = sql`exists (select 1 from ${claims} where ${claims.articleId} = ${articles.id} and ${inArray(claims.state, [...publicClaimStates])})`;
  return db
    .select({ id: articles.id, sourceUrl: articles.sourceUrl, etag: sourceWatch.etag, lastModified: sourceWatch.lastModified, failures: sourceWatch.failures })
    .from(articles)
    .leftJoin(sourceWatch, eq(sourceWatch.articleId, articles.id))
    .where(and(isNotNull(articles.sourceUrl), hasPublicClaim, or(isNull(sourceWatch.nextCheckAt), lte(sourceWatch.nextCheckAt, now))))
    .orderBy(asc(sql`coalesce(${sourceWatch.nextCheckAt}, '')`), asc(articles.id))
    .limit(limit);
}

export type WatchRecord = Omit<typeof sourceWatch.$inferInsert, "articleId">;

/** What one check learned about an article's source page. */
export function recordWatch(db: Db, articleId: number, record: WatchRecord) {
  return db.insert(sourceWatch).values({ articleId, ...record }).onConflictDoUpdate({ target: sourceWatch.articleId, set: record });
}

/** Every watched article's state, for editors. */
export function listWatch(db: Db) {
  return db
    .select({ articleId: articles.id, title: articles.title, sourceUrl: articles.sourceUrl, checkedAt: sourceWatch.checkedAt, nextCheckAt: sourceWatch.nextCheckAt, failures: sourceWatch.failures, lastStatus: sourceWatch.lastStatus, lastError: sourceWatch.lastError, changedAt: sourceWatch.changedAt })
    .from(sourceWatch)
    .innerJoin(articles, eq(articles.id, sourceWatch.articleId))
    .orderBy(asc(articles.id));
}
