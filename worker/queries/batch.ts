import type { SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "../db";

/** One statement of a D1 batch: any drizzle query, whatever table it touches. */
export type Statement = BatchItem<"sqlite">;

/**
 * Run statements as one D1 batch (one transaction, one round trip). drizzle types a batch as a
 * non-empty tuple; lists built up statement by statement are narrowed to it here, once.
 */
export function runBatch(db: Db, statements: readonly Statement[]) {
  if (statements.length === 0) throw new Error("runBatch: an empty batch");
  return db.batch(statements as [Statement, ...Statement[]]);
}

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
