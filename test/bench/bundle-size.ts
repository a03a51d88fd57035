/**
 * Shipped JavaScript, gzipped: every .js under dist/web (the workspace, the public page's
 * enhancements, the embeddable widget), against the 150 KB budget of issue 4.
 * `tsx test/bench/bundle-size.ts` measures the current build; `--build` rebuilds web/ first.
 * Prints a markdown table for BENCHMARKS.md and exits 1 above budget.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

/** The budget, in bytes of gzip output (KB = 1,000 bytes, the stricter reading). */
export const budgetBytes = 150_000;
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
console.log(`\nBudget: ${kb(budgetBytes)} KB gzipped; ${total.gzip <= budgetBytes ? "within" : "OVER"} by ${kb(Math.abs(budgetBytes - total.gzip))} KB.`);
if (rows.length === 0) {
  console.error(`No .js files under ${dist}.`);
  process.exit(1);
}
process.exit(total.gzip <= budgetBytes ? 0 : 1);
