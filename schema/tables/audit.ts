import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { nowIso as now } from "./columns";
import { users } from "./users";

/** Append-only. Written in the same D1 batch as the change it records. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    actorId: integer().references(() => users.id),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: integer().notNull(),
    before: text({ mode: "json" }),
    after: text({ mode: "json" }),
    createdAt: text().notNull().default(now),
  },
  (t) => [index("audit_entity_idx").on(t.entityType, t.entityId)],
);

/**
 * Compare-and-swap for D1 batches. A batch opens with an insert whose CHECK fails unless the row
 * still has the version the client saw; the failure rolls the whole batch back. It closes by
 * deleting the row again, so the table stays empty.
 */
export const writeGuards = sqliteTable("write_guards", { ok: integer().notNull() }, () => [
  check("write_guards_ok", sql`ok = 1`),
]);
