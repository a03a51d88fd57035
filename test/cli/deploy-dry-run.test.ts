import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "./cli";

const outdir = mkdtempSync(join(tmpdir(), "factline-dry-run-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe("wrangler deploy --dry-run", () => {
  it("bundles the worker offline with its D1 binding, assets and cron trigger", async () => {
    if (!existsSync("dist/web")) expect((await run("node_modules/.bin/tsx", ["scripts/build-web.ts"])).status).toBe(0);
    const result = await run("node_modules/.bin/wrangler", ["deploy", "--dry-run", "--outdir", outdir]);
    expect(result.status, result.stderr).toBe(0);
    const out = result.stdout + result.stderr;
    expect(out).toMatch(/env\.DB \(factline\)\s+D1 Database/);
    // The live desks: a Durable Object an article and one for the review queue, exported by the bundle.
    expect(out).toMatch(/env\.ARTICLE_DESK \(ArticleDesk\)\s+Durable Object/);
    expect(out).toMatch(/env\.REVIEW_DESK \(ReviewDesk\)\s+Durable Object/);
    expect(out).toMatch(/--dry-run: exiting now/);
    const bundle = readdirSync(outdir).find((f) => f.endsWith(".js"));
    expect(bundle).toBeDefined();
    const code = readFileSync(join(outdir, bundle!), "utf8");
    // The module exports both handlers: requests, and the Cron Trigger's webhooks and stealth-edit watch.
    expect(code).toMatch(/scheduled: .*\(controller, env\d*\) => scheduled\(controller, env\d*\)/);
    expect(code).toMatch(/export\s*\{[^}]*\bArticleDesk\b[^}]*\bReviewDesk\b[^}]*\}/);
  });

  // Budgets in bytes of gzip output (KB = 1,000 bytes): sizes and counts are checked in CI, never times.
  const budgets = { worker: 1_000_000, workspace: 150_000, publicScript: 10_000 };
  const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

  it("keeps the worker, the workspace and each public script within their size budgets", () => {
    const worker = readdirSync(outdir).filter((f) => f.endsWith(".js")).reduce((n, f) => n + gzipped(join(outdir, f)), 0);
    expect(worker).toBeGreaterThan(50_000);
    expect(worker).toBeLessThanOrEqual(budgets.worker);
    // What one person loads: the workspace's entry, and the strings of one language (each language is a chunk).
    const chunks = readdirSync("dist/web/app").filter((f) => f.endsWith(".js") && f !== "app.js");
    expect(chunks.map((f) => f.split("-")[0]).sort()).toEqual(["en", "kk", "ru"]);
    const workspace = gzipped("dist/web/app/app.js") + Math.max(...chunks.map((f) => gzipped(join("dist/web/app", f))));
    expect(workspace).toBeGreaterThan(50_000);
    expect(workspace).toBeLessThanOrEqual(budgets.workspace);
    for (const script of ["dist/web/enhance.js", "dist/web/widget.js"]) {
      const size = gzipped(script);
      expect([script, size > 500]).toEqual([script, true]);
      expect([script, size <= budgets.publicScript]).toEqual([script, true]);
    }
  });
});
