import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openLocalEnv } from "../lib/local-env";

/** The database name in wrangler.toml. */
const database = "factline";

/** wrangler from this checkout (npm scripts put it on PATH; tests may not). */
function wranglerBin() {
  const local = resolve("node_modules/.bin/wrangler");
  return existsSync(local) ? local : "wrangler";
}

/**
 * A D1 the CLI reads and writes: the local one `wrangler dev` serves (FACTLINE_PERSIST names another
 * state folder), or the deployed one through `wrangler d1 execute --remote`.
 */
export interface D1Target {
  where: "local" | "remote";
  /** The rows of one read-only query, as objects keyed by column name. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Run a file of SQL statements with `wrangler d1 execute --file` (wrangler's import path, on both sides). */
  runFile(path: string): Promise<void>;
  /** Run a few statements the same way. */
  run(sql: string): Promise<void>;
  dispose(): Promise<void>;
}

function wrangler(args: string[]) {
  const persist = process.env.FACTLINE_PERSIST && args.includes("--local") ? ["--persist-to", process.env.FACTLINE_PERSIST] : [];
  const result = spawnSync(wranglerBin(), ["d1", "execute", database, ...args, ...persist, "--yes"], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`wrangler d1 execute failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Open the local or the remote D1. Local reads go through wrangler's platform proxy (fast); writes through wrangler. */
export function openTarget(remote: boolean): D1Target {
  const flag = remote ? "--remote" : "--local";
  let local: Awaited<ReturnType<typeof openLocalEnv>> | null = null;
  const closeLocal = async () => {
    await local?.dispose();
    local = null;
  };
  const runFile = async (path: string) => {
    // The platform proxy holds the local database open; let wrangler have it alone while it writes.
    await closeLocal();
    wrangler([flag, "--file", path]);
  };
  return {
    where: remote ? "remote" : "local",
    async query(sql) {
      if (remote) return JSON.parse(wrangler([flag, "--json", "--command", sql]))[0].results;
      local ??= await openLocalEnv();
      return (await local.env.DB.prepare(sql).all<Record<string, unknown>>()).results;
    },
    runFile,
    async run(sql) {
      const file = join(mkdtempSync(join(tmpdir(), "factline-cli-")), "statements.sql");
      writeFileSync(file, sql);
      await runFile(file);
    },
    dispose: closeLocal,
  };
}

/** A string as an SQL literal. */
export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Any exported value as an SQL literal: D1 hands back only null, numbers and strings for our columns. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot restore the number ${value}`);
    return String(value);
  }
  if (typeof value === "string") return sqlString(value);
  if (Array.isArray(value)) return `X'${Buffer.from(value as number[]).toString("hex")}'`;
  throw new Error(`cannot restore a value of type ${typeof value}`);
}
