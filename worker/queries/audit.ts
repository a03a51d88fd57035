import { asc, eq, and, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteTable } from "drizzle-orm/sqlite-core";
import { articles, auditEvents, claimants, claims, users, writeGuards } from "../../schema/tables";
import type { Db } from "../db";

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entityType: string;
  /** A number, or a subquery for a row inserted earlier in the same batch. */
  entityId: number | SQL;
  before?: unknown;
  after?: unknown;
}

/** The insert of one audit event, to put in the same batch as the change it records. */
export function auditInsert(db: Db, entry: AuditEntry) {
  return db.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId as number,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** Audit events of one entity, oldest first. */
export function auditHistory(db: Db, entityType: string, entityId: number) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(asc(auditEvents.id));
}

/** What a guard's select yields: the number of matching rows, which the CHECK on `write_guards` wants to be 1. */
const guardCount = () => sql<number>`count(*)`.as("ok");

/**
 * A guard statement (see `writeGuards`): the batch fails with a CHECK error, and writes nothing,
 * unless exactly one row of `table` matches `where`. End the batch with `db.delete(writeGuards)`.
 */
export function guardOneRow(db: Db, table: AnySQLiteTable, where: SQL | undefined) {
  return db.insert(writeGuards).select(db.select({ ok: guardCount() }).from(table as typeof claims).where(where));
}

/** The opening and closing statements of a compare-and-swap batch on row `id` at `version`. */
export function versionGuard(db: Db, table: typeof claims | typeof articles | typeof users | typeof claimants, id: number, version: number) {
  return { open: guardOneRow(db, table, and(eq(table.id, id), eq(table.version, version))), close: db.delete(writeGuards) };
}

/** Did this D1 error come from a failed version guard? */
export function isStaleWrite(err: unknown): boolean {
  const text = String((err as { cause?: unknown })?.cause ?? "") + String((err as Error)?.message ?? "");
  return text.includes("write_guards_ok");
}
