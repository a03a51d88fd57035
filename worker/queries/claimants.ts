import { asc, eq, sql } from "drizzle-orm";
import { claimants } from "../../schema/tables";
import type { Actor } from "../../schema/workflow";
import type { Db } from "../db";
import { apiError } from "../http/errors";
import { auditInsert, isStaleWrite, versionGuard } from "./audit";

export type ClaimantRow = typeof claimants.$inferSelect;

/** Claimants whose folded name contains `key`, for autocomplete. */
export function searchClaimants(db: Db, key: string, limit: number) {
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

/** A claimant with its staff and public descriptions, or a 404. */
export async function getClaimant(db: Db, id: number): Promise<ClaimantRow> {
  const row = await db.select().from(claimants).where(eq(claimants.id, id)).get();
  if (!row) throw apiError(404, "not_found", `Claimant ${id} does not exist.`);
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
    if (isStaleWrite(err)) throw apiError(409, "stale_version", "Someone changed this claimant first.", { currentVersion: before.version });
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
