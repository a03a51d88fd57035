import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { claimantRef } from "../../schema/inputs";
import { claimants, claims } from "../../schema/tables";
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
    .values({ name: ref.name.trim(), nameKey: key, kind: ref.kind ?? "person", description: ref.description ?? null, descriptionBy: ref.description ? actor.id : null, createdBy: actor.id })
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

/**
 * A person picked "Create new claimant": the claimant named `name` (folded as everywhere), created
 * unless one with the same folded name exists. `created` says which.
 */
export async function createClaimant(db: Db, name: string, kind: "person" | "organization" | undefined, actor: Actor): Promise<{ claimant: ClaimantRow; created: boolean }> {
  const key = foldKey(name);
  if (!key) throw refuse("invalid", "invalid_name", "Enter the claimant's name.");
  const existing = await db.select().from(claimants).where(eq(claimants.nameKey, key)).get();
  if (existing) return { claimant: existing, created: false };
  const [inserted] = await db.batch([
    db.insert(claimants).values({ name: name.trim(), nameKey: key, kind: kind ?? "person", createdBy: actor.id }).onConflictDoNothing({ target: claimants.nameKey }).returning(),
    auditInsert(db, { actorId: actor.id, action: "claimant.create", entityType: "claimant", entityId: sql`(select id from ${claimants} where ${claimants.nameKey} = ${key})`, after: { name: name.trim(), kind: kind ?? "person" } }),
  ]);
  const row = inserted[0] ?? (await db.select().from(claimants).where(eq(claimants.nameKey, key)).get());
  return { claimant: row!, created: inserted.length > 0 };
}

/** Person or organisation, versioned and audited. */
export async function setClaimantKind(db: Db, before: ClaimantRow, version: number, kind: "person" | "organization", actor: Actor) {
  const guard = versionGuard(db, claimants, before.id, version);
  try {
    await db.batch([
      guard.open,
      db.update(claimants).set({ kind, version: sql`${claimants.version} + 1` }).where(eq(claimants.id, before.id)),
      auditInsert(db, { actorId: actor.id, action: "claimant.kind", entityType: "claimant", entityId: before.id, before: { kind: before.kind }, after: { kind } }),
      guard.close,
    ]);
  } catch (err) {
    if (isStaleWrite(err)) throw refuse("conflict", "stale_version", "Someone changed this claimant first.", { currentVersion: before.version });
    throw err;
  }
  return getClaimant(db, before.id);
}

/**
 * Merge duplicate `remove` into `keep`, in one batch guarded by both versions: every claim of `remove`
 * moves to `keep` (its version moves on, so an open form reloads rather than saving the old id),
 * `remove` is deleted, and one audit event on `keep` records the claimant removed and the claims moved.
 * `keep` takes `remove`'s staff description when it has none (not its public one: that needs approval).
 */
export async function mergeClaimants(db: Db, remove: ClaimantRow, version: number, keep: ClaimantRow, keepVersion: number, actor: Actor) {
  const moved = await db.select({ id: claims.id }).from(claims).where(eq(claims.claimantId, remove.id)).all();
  const removeGuard = versionGuard(db, claimants, remove.id, version);
  const keepGuard = versionGuard(db, claimants, keep.id, keepVersion);
  const takeDescription = !keep.description && remove.description ? { description: remove.description, descriptionBy: remove.descriptionBy } : {};
  try {
    await db.batch([
      removeGuard.open,
      keepGuard.open,
      db.update(claims).set({ claimantId: keep.id, version: sql`${claims.version} + 1` }).where(eq(claims.claimantId, remove.id)),
      db.delete(claimants).where(and(eq(claimants.id, remove.id), eq(claimants.version, version))),
      db.update(claimants).set({ ...takeDescription, version: sql`${claimants.version} + 1` }).where(eq(claimants.id, keep.id)),
      auditInsert(db, {
        actorId: actor.id,
        action: "claimant.merge",
        entityType: "claimant",
        entityId: keep.id,
        before: { merged: { id: remove.id, name: remove.name, kind: remove.kind, description: remove.description, publicDescription: remove.publicDescription } },
        after: { keptId: keep.id, claimIds: moved.map((c) => c.id) },
      }),
      ...moved.map((c) => auditInsert(db, { actorId: actor.id, action: "claim.claimant_merge", entityType: "claim", entityId: c.id, before: { claimantId: remove.id, claimantName: remove.name }, after: { claimantId: keep.id, claimantName: keep.name } })),
      keepGuard.close,
    ]);
  } catch (err) {
    if (isStaleWrite(err)) throw refuse("conflict", "stale_version", "Someone changed one of these claimants first.", { currentVersion: remove.version, keepVersion: keep.version });
    throw err;
  }
  return { claimant: await getClaimant(db, keep.id), movedClaims: moved.length };
}
