import { sql } from "drizzle-orm";

/** ISO-8601 UTC timestamp with milliseconds, as SQLite computes it: sortable as text. */
export const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
