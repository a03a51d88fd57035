import type { SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "../db";

const dialect = new SQLiteAsyncDialect({ casing: "snake_case" });

type Buildable = { toSQL(): { sql: string; params: unknown[] } } | SQL;

/**
 * Run drizzle queries and raw SQL in one D1 batch (one transaction, one round trip). drizzle's own
 * batch does not take raw statements such as UPDATE … FROM json_each(?), which re-anchoring needs.
 */
export function batchStatements(db: Db, items: Buildable[]) {
  const d1 = db.$client;
  const statements = items.map((item) => {
    const query = "toSQL" in item ? item.toSQL() : dialect.sqlToQuery(item);
    return d1.prepare(query.sql).bind(...query.params);
  });
  return d1.batch(statements);
}
