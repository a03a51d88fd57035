import { asc, eq, and, sql, type SQL } from "drizzle-orm";
import { articles, auditEvents, claims, users, writeGuards } from "../../schema/tables";
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

/**
 * The opening and closing statements of a compare-and-swap batch (see `writeGuards`):
 * the batch fails with a CHECK error, and writes nothing, unless `table` row `id` has `version`.
 */
export function versionGuard(db: Db, table: typeof claims | typeof articles | typeof users, id: number, version: number) {
  return {
    open: db.insert(writeGuards).select(
      db
        .select({ ok: sql<number>`count(*)`.as("ok") })
        .from(table as typeof claims)
        .where(and(eq(table.id, id), eq(table.version, version))),
    ),
    close: db.delete(writeGuards),
  };
}

/** Did this D1 error come from a failed version guard? */
export function isStaleWrite(err: unknown): boolean {
  const text = String((err as { cause?: unknown })?.cause ?? "") + String((err as Error)?.message ?? "");
  return text.includes("write_guards_ok");
}
