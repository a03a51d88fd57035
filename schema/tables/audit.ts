import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
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
