import { getTableColumns } from "drizzle-orm";
import type { SQLiteInsertValue, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../db";

/** D1 binds at most 100 parameters to one statement (a 500 "too many SQL variables" above it). */
export const maxBoundParameters = 100;

/** Inserts of `rows` into `table` for one batch, split so that no statement binds more parameters than D1 allows. */
export function chunkedInserts<T extends SQLiteTable>(db: Db, table: T, rows: SQLiteInsertValue<T>[]) {
  const perStatement = Math.floor(maxBoundParameters / Object.keys(getTableColumns(table)).length);
  const statements = [];
  for (let i = 0; i < rows.length; i += perStatement) statements.push(db.insert(table).values(rows.slice(i, i + perStatement)));
  return statements;
}
