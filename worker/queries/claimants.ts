import { asc, eq, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { claimantRef } from "../../schema/inputs";
import { claimants } from "../../schema/tables";
import { foldKey } from "../../schema/text/fold";
import type { Actor } from "../../schema/workflow";
import type { Db } from "../db";
import { auditInsert, isStaleWrite, versionGuard } from "./audit";
import type { Statement } from "./batch";
import { refuse } from "./refusal";

export type ClaimantRow = typeof claimants.$inferSelect;

/** Claimants whose folded name contains the folded `q` (all of them for an empty `q`), by name. */
export function searchClaimants(db: Db, q: string, limit: number) {
  const key = foldKey(q);
  return (
    db
      .select({ id: claimants.id, name: claimants.name, kind: claimants.kind })
      .from(claimants)
      // instr, not LIKE: no wildcards to escape, and no D1 limit on pattern length.
      .where(key ? sql`instr(${claimants.nameKey}, ${key}) > 0` : undefined)
      .orderBy(asc(claimants.name))
      .limit(limit)
  );
}

/**
 * Statements that make sure a claimant exists, and the SQL that yields its id inside the same batch.
 * A new name that folds to an existing one's key (case, spacing, quote marks, ё) is that claimant.
 * A description typed with a new name is the staff description, remembered as `actor`'s: it is not
 * public until an editor other than its writer approves it.
 */
export async function resolveClaimant(db: Db, ref: z.output<typeof claimantRef>, actor: Actor): Promise<{ statements: Statement[]; id: SQL | number }> {
  if ("id" in ref) {
    const found = await db.select({ id: claimants.id }).from(claimants).where(eq(claimants.id, ref.id)).get();
    if (!found) throw refuse("invalid", "unknown_claimant", `Claimant ${ref.id} does not exist.`);
    return { statements: [], id: ref.id };
  }
  const key = foldKey(ref.name);
  const insert = db
    .insert(claimants)
    .values({ name: ref.name.trim(), nameKey: key, kind: ref.kind ?? "person", description: ref.description ?? null, descriptionBy: ref.description ? actor.id : null })
    .onConflictDoNothing({ target: claimants.nameKey });
  return { statements: [insert], id: sql`(select id from ${claimants} where ${claimants.nameKey} = ${key})` };
}

/** A claimant with its staff and public descriptions, or a 404. */
export async function getClaimant(db: Db, id: number): Promise<ClaimantRow> {
  const row = await db.select().from(claimants).where(eq(claimants.id, id)).get();
  if (!row) throw refuse("not_found", "not_found", `Claimant ${id} does not exist.`);
  return row;
}

/** One versioned, audited write to a claimant. */
async function writeClaimant(db: Db, before: ClaimantRow, version: number, set: Partial<typeof claimants.$inferInsert>, action: string, actor: Actor) {
  const guard = versionGuard(db, claimants, before.id, version);
  try {
    await db.batch([
      guard.open,
      db.update(claimants).set({ ...set, version: sql`${claimants.version} + 1` }).where(eq(claimants.id, before.id)),
      auditInsert(db, { actorId: actor.id, action, entityType: "claimant", entityId: before.id, before: { description: before.description, publicDescription: before.publicDescription }, after: set }),
      guard.close,
    ]);
  } catch (err) {
    if (isStaleWrite(err)) throw refuse("conflict", "stale_version", "Someone changed this claimant first.", { currentVersion: before.version });
    throw err;
  }
  return getClaimant(db, before.id);
}

/** An editor rewrites the staff description; the public one stays until another editor approves this. */
export function updateClaimantDescription(db: Db, before: ClaimantRow, version: number, description: string | null, actor: Actor) {
  return writeClaimant(db, before, version, { description: description || null, descriptionBy: actor.id }, "claimant.update", actor);
}

/** An editor makes the staff description the public one. */
export function approveClaimantDescription(db: Db, before: ClaimantRow, version: number, actor: Actor) {
  return writeClaimant(db, before, version, { publicDescription: before.description }, "claimant.approve_description", actor);
}
