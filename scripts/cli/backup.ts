import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Writable } from "node:stream";
import { appliedMigrations, columnList, dataTables, nonEmptyTables, type BackupTable } from "./backup-tables";
import { sqlLiteral, sqlString, type D1Target } from "./d1-target";

/** First line of every backup. No timestamp: the same data always gives the same bytes. */
interface BackupHeader {
  format: "factline-backup";
  version: 1;
  migrations: string[];
}

const pageSize = 500;
/** D1 refuses statements over 100 KB; longer values are written in pieces. */
const maxStatementBytes = 90_000;
const pieceChars = 20_000;

async function writeLine(out: Writable, value: unknown) {
  if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, "drain");
}

/**
 * Stream a backup as JSON lines: a header, then per table a line naming its columns followed by one
 * array per row in rowid order, then an end line with the counts (a backup without it was cut short).
 */
export async function exportBackup(target: D1Target, out: Writable, log: (line: string) => void) {
  const header: BackupHeader = { format: "factline-backup", version: 1, migrations: await appliedMigrations(target) };
  await writeLine(out, header);
  let total = 0;
  const tables = await dataTables(target);
  for (const table of tables) {
    await writeLine(out, { table: table.name, columns: table.columns });
    let after: number | null = null;
    let count = 0;
    for (;;) {
      const rows = await target.query(
        `select rowid as "__rowid", ${columnList(table.columns)} from "${table.name}" ${after === null ? "" : `where rowid > ${after}`} order by rowid limit ${pageSize}`,
      );
      for (const row of rows) await writeLine(out, table.columns.map((c) => row[c]));
      count += rows.length;
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1].__rowid as number;
    }
    log(`  ${table.name.padEnd(20)} ${count} rows`);
    total += count;
  }
  await writeLine(out, { end: { tables: tables.length, rows: total } });
  return { tables: tables.length, rows: total };
}

/** A string cut at `n` UTF-16 units, never inside a surrogate pair. */
function cut(s: string, n: number) {
  const at = n < s.length && /[\udc00-\udfff]/.test(s[n]) ? n - 1 : n;
  return [s.slice(0, at), s.slice(at)];
}

/** The statements that put one row back; a row too long for one statement is inserted short and appended to. */
function insertRow(table: BackupTable, columns: string[], values: unknown[]): string[] {
  const insert = (vals: unknown[]) => `INSERT INTO "${table.name}" (${columnList(columns)}) VALUES (${vals.map(sqlLiteral).join(", ")});`;
  const whole = insert(values);
  if (Buffer.byteLength(whole) <= maxStatementBytes) return [whole];
  const key = values[columns.indexOf(table.key)];
  const appends: string[] = [];
  const short = values.map((v, i) => {
    if (typeof v !== "string" || v.length <= pieceChars) return v;
    let [head, rest] = cut(v, pieceChars);
    while (rest.length > 0) {
      const [piece, more] = cut(rest, pieceChars);
      appends.push(`UPDATE "${table.name}" SET "${columns[i]}" = "${columns[i]}" || ${sqlString(piece)} WHERE ${table.key === "rowid" ? "rowid" : `"${table.key}"`} = ${sqlLiteral(key)};`);
      rest = more;
    }
    return head;
  });
  return [insert(short), ...appends];
}

/** Why a backup cannot go into this database, or null. */
function mismatch(header: BackupHeader, migrations: string[]): string | null {
  if (header.format !== "factline-backup" || header.version !== 1) return "this is not a Factline backup (version 1)";
  if (header.migrations.join() !== migrations.join()) {
    return `the backup was taken at migration ${header.migrations.at(-1)}, the database is at ${migrations.at(-1) ?? "none"}; apply the same migrations first`;
  }
  return null;
}

/** Tables whose rows the migrations themselves insert. */
const filledByMigrations = ["public_state"];

/**
 * Restore a backup into a migrated, empty D1 (or, with `force`, replace what it holds). All rows go in
 * one SQL file through `wrangler d1 execute --file`, with foreign keys checked at the end.
 */
export async function restoreBackup(target: D1Target, file: string, force: boolean, log: (line: string) => void) {
  const tables = await dataTables(target);
  const triggers = (await target.query("select name, sql from sqlite_master where type = 'trigger' order by name")) as { name: string; sql: string }[];
  const byName = new Map(tables.map((t) => [t.name, t]));
  const sqlFile = join(mkdtempSync(join(tmpdir(), "factline-restore-")), "restore.sql");
  const out = createWriteStream(sqlFile);
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, "drain");
  };
  let header: BackupHeader | null = null;
  let table: BackupTable | null = null;
  let columns: string[] = [];
  let ended: { tables: number; rows: number } | null = null;
  let rows = 0;
  // Opened only now: readline drops the lines it reads before the loop starts listening.
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    if (ended) throw new Error("the backup has lines after its end line");
    const value = JSON.parse(line);
    if (!header) {
      header = value as BackupHeader;
      const why = mismatch(header, await appliedMigrations(target));
      if (why) throw new Error(`refused: ${why}`);
      // public_state's one row comes with the migrations: it does not make a D1 "not empty".
      const full = (await nonEmptyTables(target, tables)).filter((t) => !filledByMigrations.includes(t.name));
      if (full.length > 0 && !force) {
        throw new Error(`refused: the database is not empty (${full.map((t) => `${t.name}: ${t.n}`).join(", ")}); pass --force to replace its contents`);
      }
      await write("PRAGMA defer_foreign_keys = true;");
      // The backup holds every table as it was, search indexes and public_state included: triggers must not
      // add to it while it goes in. They are dropped for the restore and created again after the last row.
      for (const t of triggers) await write(`DROP TRIGGER IF EXISTS "${t.name}";`);
      for (const t of tables) if (force || filledByMigrations.includes(t.name)) await write(`DELETE FROM "${t.name}";`);
    } else if (Array.isArray(value)) {
      if (!table) throw new Error("the backup has a row before any table line");
      for (const statement of insertRow(table, columns, value)) await write(statement);
      rows++;
    } else if ("table" in value) {
      table = byName.get(value.table) ?? null;
      if (!table) throw new Error(`refused: the database has no table ${value.table}`);
      columns = value.columns;
      const unknown = columns.filter((c) => !table!.columns.includes(c));
      if (unknown.length) throw new Error(`refused: ${value.table} has no column ${unknown.join(", ")}`);
    } else if ("end" in value) {
      ended = value.end;
    }
  }
  for (const t of triggers) await write(`${t.sql};`);
  out.end();
  await once(out, "finish");
  if (!header) throw new Error("the backup is empty");
  if (!ended || ended.rows !== rows) throw new Error(`the backup is incomplete (${rows} rows read${ended ? `, ${ended.rows} announced` : ", no end line"}); nothing was restored`);
  log(`restoring ${rows} rows into the ${target.where} D1 …`);
  await target.runFile(sqlFile);
  return { rows };
}
