/**
 * npm test's last step: every vitest project, in two vitest runs side by side.
 *
 * Vitest runs a project whose files must go one at a time (`cli`, `e2e`: they share a server, a database
 * or wrangler's folders) only after the projects that run files two at a time (`unit`, `worker`), on one
 * core. Most of a browser file's time is spent waiting on Chromium or workerd, so the browser files run
 * in a second vitest process beside the first (unit, worker, then cli), which took about as long on
 * their own. Each line is prefixed with its run.
 * Arguments (`npm test -- test/unit/x.test.ts`) go to one plain `vitest run` instead.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const vitest = ["node_modules/vitest/vitest.mjs", "run"];
const extra = process.argv.slice(2);

function run(label: string, args: string[]): Promise<number> {
  // Colours only for a terminal (vitest sees a pipe, so it is told).
  const env = process.stdout.isTTY && !("NO_COLOR" in process.env) ? { ...process.env, FORCE_COLOR: "1" } : process.env;
  const child = spawn(process.execPath, [...vitest, ...args], { stdio: ["ignore", "pipe", "pipe"], env });
  for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
    createInterface({ input: stream }).on("line", (line) => out.write(label ? `${label} ${line}\n` : `${line}\n`));
  }
  return new Promise((done) => child.on("exit", (code, signal) => done(code ?? (signal ? 1 : 0))));
}

const runs =
  extra.length > 0
    ? [run("", extra)]
    : [run("[unit·worker·cli]", ["--project", "unit", "--project", "worker", "--project", "cli"]), run("[e2e]", ["--project", "e2e"])];
const codes = await Promise.all(runs);
const failed = codes.filter((code) => code !== 0).length;
if (failed > 0) console.error(`\n✖ ${failed} of ${codes.length} vitest runs failed.`);
process.exit(failed > 0 ? 1 : 0);
