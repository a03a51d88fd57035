import { spawn } from "node:child_process";
import { resolve } from "node:path";

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command to its end without blocking the event loop (several may run at once). */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env: { ...process.env, PATH: `${resolve("node_modules/.bin")}:${process.env.PATH}`, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

/** `npm run factline -- ARGS` against the local D1 in `state`. */
export const factline = (state: string, ...args: string[]) => run("node_modules/.bin/tsx", ["scripts/factline.ts", ...args], { FACTLINE_PERSIST: state });

/** A fresh, migrated local D1 in `state`. */
export async function migrate(state: string) {
  const result = await run("node_modules/.bin/wrangler", ["d1", "migrations", "apply", "factline", "--local", "--persist-to", state]);
  if (result.status !== 0) throw new Error(`migrations failed:\n${result.stdout}\n${result.stderr}`);
}

/** Rows of one query against the local D1 in `state`, straight through wrangler. */
export async function sql(state: string, command: string): Promise<Record<string, unknown>[]> {
  const result = await run("node_modules/.bin/wrangler", ["d1", "execute", "factline", "--local", "--persist-to", state, "--json", "--command", command]);
  if (result.status !== 0) throw new Error(`query failed:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(result.stdout)[0].results;
}
