/**
 * Shipped JavaScript, gzipped: every .js under dist/web (the workspace, the public page's
 * enhancements, the embeddable widget), against the budgets of issue 13: the workspace (app/)
 * 150 KB, each public script 10 KB. test/cli/deploy-dry-run.test.ts checks the same in CI.
 * `tsx test/bench/bundle-size.ts` measures the current build; `--build` rebuilds web/ first.
 * Prints a markdown table for BENCHMARKS.md and exits 1 above budget.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

/** The budgets, in bytes of gzip output (KB = 1,000 bytes, the stricter reading). */
export const budgetBytes = 150_000;
const publicScriptBudget = 10_000;
const dist = "dist/web";

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith(".js") ? [path] : [];
  });
}

if (process.argv.includes("--build") || !existsSync(dist)) {
  const built = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-web.ts"], { stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const rows = jsFiles(dist)
  .sort()
  .map((path) => {
    const raw = readFileSync(path);
    return { file: relative(dist, path), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip }), { raw: 0, gzip: 0 });
const kb = (n: number) => (n / 1000).toFixed(1);

console.log("| file | minified (KB) | gzip -9 (KB) |");
console.log("|---|---:|---:|");
for (const r of rows) console.log(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
console.log(`| **total** | ${kb(total.raw)} | **${kb(total.gzip)}** |`);
// What one person loads: the workspace's entry and the strings of one language (each language is a chunk).
const entry = rows.find((r) => r.file === "app/app.js")?.gzip ?? 0;
const workspace = entry + Math.max(0, ...rows.filter((r) => r.file.startsWith("app/") && r.file !== "app/app.js").map((r) => r.gzip));
const publicOver = rows.filter((r) => !r.file.startsWith("app/") && r.gzip > publicScriptBudget);
console.log(`\nWorkspace budget: ${kb(budgetBytes)} KB gzipped; ${workspace <= budgetBytes ? "within" : "OVER"} by ${kb(Math.abs(budgetBytes - workspace))} KB.`);
console.log(`Public scripts: ${publicOver.length === 0 ? `each within ${kb(publicScriptBudget)} KB` : `OVER ${kb(publicScriptBudget)} KB: ${publicOver.map((r) => r.file).join(", ")}`}.`);
if (rows.length === 0) {
  console.error(`No .js files under ${dist}.`);
  process.exit(1);
}
process.exit(workspace <= budgetBytes && publicOver.length === 0 ? 0 : 1);
