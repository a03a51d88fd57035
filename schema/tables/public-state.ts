import { integer, sqliteTable } from "drizzle-orm/sqlite-core";

/**
 * One row (id 1): the version of everything the public sees. Hand-written migration 0025 creates it
 * with the triggers that move it on; isolates keep their public pages in memory under it.
 */
export const publicState = sqliteTable("public_state", {
  id: integer().primaryKey(),
  version: integer().notNull().default(1),
});
