import type { D1Target } from "./d1-target";

/** One table as a backup holds it: its columns in order; `rowid` first where no column keeps it. */
export interface BackupTable {
  name: string;
  columns: string[];
  /** The column that holds the rowid (the INTEGER PRIMARY KEY, or `rowid` itself). */
  key: string;
}

/** FTS5 keeps its index in shadow tables named after the virtual table; they are rebuilt from its rows. */
const ftsShadows = ["_data", "_idx", "_content", "_docsize", "_config"];

/**
 * Every table that holds Factline's data, by name: each drizzle table and each FTS table. Left out:
 * SQLite's and Cloudflare's own (sqlite_*, _cf_*), d1_migrations (a backup records which migrations it
 * needs instead) and FTS shadow tables.
 */
export async function dataTables(target: D1Target): Promise<BackupTable[]> {
  const rows = (await target.query(
    "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name not like '\\_cf\\_%' escape '\\' and name <> 'd1_migrations' order by name",
  )) as { name: string; sql: string }[];
  const virtual = rows.filter((r) => /^create virtual table/i.test(r.sql)).map((r) => r.name);
  const tables = rows.filter((r) => !virtual.some((v) => ftsShadows.some((s) => r.name === v + s)));
  const result: BackupTable[] = [];
  for (const { name } of tables) {
    const info = (await target.query(`select name, type, pk from pragma_table_info('${name}') order by cid`)) as { name: string; type: string; pk: number }[];
    const pks = info.filter((c) => c.pk > 0);
    // An INTEGER PRIMARY KEY is the rowid; any other table's rowid is kept too (FTS rows are keyed by it).
    const rowidAlias = pks.length === 1 && pks[0].type.toUpperCase() === "INTEGER";
    result.push({ name, columns: [...(rowidAlias ? [] : ["rowid"]), ...info.map((c) => c.name)], key: rowidAlias ? pks[0].name : "rowid" });
  }
  return result;
}

/** The migrations applied to the target, in order. */
export async function appliedMigrations(target: D1Target): Promise<string[]> {
  return ((await target.query("select name from d1_migrations order by id")) as { name: string }[]).map((r) => r.name);
}

/** Tables of the target that hold rows, with their counts. */
export async function nonEmptyTables(target: D1Target, tables: BackupTable[]) {
  if (tables.length === 0) return [];
  // Scalar subqueries, not UNION ALL: D1 allows only a few terms in a compound SELECT.
  const [row] = await target.query(`select ${tables.map((t, i) => `(select count(*) from "${t.name}") as c${i}`).join(", ")}`);
  const counts = tables.map((t, i) => ({ name: t.name, n: row[`c${i}`] as number }));
  return counts.filter((c) => c.n > 0);
}

/** Column list for SQL, quoted (`end` is a keyword). */
export const columnList = (columns: string[]) => columns.map((c) => (c === "rowid" ? c : `"${c}"`)).join(", ");
