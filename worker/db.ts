import { drizzle } from "drizzle-orm/d1";

/**
 * A drizzle client over D1, with the snake_case column naming the migrations use. Made for every
 * request (over its round-trip-counting D1), so it is made without a schema: drizzle would build its
 * relational-query config from all the tables each time (about a tenth of a public search's CPU),
 * and no query uses `db.query`. Queries name their tables from schema/tables.
 */
export function getDb(d1: D1Database) {
  return drizzle(d1, { casing: "snake_case" });
}

export type Db = ReturnType<typeof getDb>;
