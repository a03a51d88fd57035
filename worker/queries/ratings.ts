import { and, eq, sql } from "drizzle-orm";
import { withLabelOverrides, type Scale } from "../../schema/rating-scale";
import { articles, ratingLabels, writeGuards } from "../../schema/tables";
import type { Db } from "../db";
import { refuse } from "./refusal";
import { auditInsert, guardOneRow, isStaleWrite } from "./audit";
import { runBatch } from "./batch";

/** The label overrides, to put in a page's batch so that the scale costs no round trip of its own. */
export function labelOverrides(db: Db) {
  return db.select({ key: ratingLabels.key, en: ratingLabels.en, ru: ratingLabels.ru, kk: ratingLabels.kk, version: ratingLabels.version }).from(ratingLabels);
}

/** The scale with the labels in force. */
export async function currentScale(db: Db): Promise<Scale> {
  return withLabelOverrides(await labelOverrides(db));
}

/**
 * Set an admin's labels for one rating. `version` is the override's version, 0 before the first one.
 * Every public page shows these labels, so every article's public version moves on in the same batch.
 */
export async function setRatingLabels(db: Db, key: string, version: number, labels: { en?: string | null; ru?: string | null; kk?: string | null }, actorId: number) {
  const before = await db.select().from(ratingLabels).where(eq(ratingLabels.key, key)).get();
  const current = before?.version ?? 0;
  if (version !== current) throw refuse("conflict", "stale_version", "Someone changed these labels first.", { currentVersion: current });
  // An update is guarded like every versioned write; a first insert is guarded by the primary key.
  const guard = guardOneRow(db, ratingLabels, and(eq(ratingLabels.key, key), eq(ratingLabels.version, version)));
  const write = before
    ? db.update(ratingLabels).set({ ...labels, version: sql`${ratingLabels.version} + 1`, updatedBy: actorId, updatedAt: new Date().toISOString() }).where(eq(ratingLabels.key, key))
    : db.insert(ratingLabels).values({ key, ...labels, updatedBy: actorId });
  try {
    await runBatch(db, [
      ...(before ? [guard] : []),
      write,
      db.update(articles).set({ publicVersion: sql`${articles.publicVersion} + 1` }),
      auditInsert(db, { actorId, action: "rating.labels", entityType: "rating", entityId: 0, before: before ?? null, after: { key, ...labels } }),
      db.delete(writeGuards),
    ]);
  } catch (err) {
    // Two first overrides at once: the primary key lets one through.
    if (isStaleWrite(err) || String((err as Error).cause ?? err).includes("UNIQUE")) throw refuse("conflict", "stale_version", "Someone changed these labels first.");
    throw err;
  }
  return currentScale(db);
}
