/**
 * Public article page throughput, measured on the built worker under Miniflare directly (not
 * `wrangler dev`, whose Node proxy caps every route at a few hundred requests a second).
 *
 *   npm run bench:public
 *
 * Seed 002 is imported with 10 published claims; then autocannon loads, in one run and in turn:
 * a trivial route (no D1), a route that makes exactly one D1 round trip and nothing else, and the
 * article page. The page's D1 round trips are read from the x-d1-round-trips header, not assumed.
 * The machines are shared and noisy, so the three routes take turns over several rounds and each
 * ratio is the median of its per-round ratios (a slow moment then hits all three alike).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";

const duration = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const seeds = process.env.FACTLINE_SEEDS ?? resolve("../shared/seeds");
const seed002 = readdirSync(seeds).find((f) => f.startsWith("002_"));
if (!seed002) throw new Error(`seed 002 not found in ${seeds}`);

// Bundle exactly what `wrangler deploy` would upload.
const out = mkdtempSync(join(tmpdir(), "factline-bench-"));
const bundle = spawnSync("node_modules/.bin/wrangler", ["deploy", "--dry-run", "--outdir", out], { encoding: "utf8" });
if (bundle.status !== 0) throw new Error(bundle.stderr);

// The Miniflare that wrangler itself runs on.
const { Miniflare } = createRequire(require_resolve("wrangler/package.json"))("miniflare") as typeof import("miniflare");
function require_resolve(id: string) {
  return createRequire(import.meta.url).resolve(id);
}

const mf = new Miniflare({
  port: 0,
  host: "127.0.0.1",
  resourcePersistencePath: join(out, "state"),
  workers: [
    {
      config: {
        name: "factline-bench",
        compatibilityDate: "2026-11-01",
        manifest: { mainModule: "index.js", modulesRoot: out, modules: { "index.js": { type: "esm", contents: readFileSync(join(out, "index.js"), "utf8") } } },
        env: {
          DB: { type: "d1", id: "factline-bench" },
          ENVIRONMENT: { type: "text", value: "bench" },
          PUBLISHER_NAME: { type: "text", value: "Factline" },
          PUBLISHER_URL: { type: "text", value: "https://factline.example" },
        },
      },
    },
  ],
} as never);
const url = (await mf.ready).toString().replace(/\/$/, "");
const db = await mf.getD1Database("DB");
for (const file of readdirSync("schema/migrations").filter((f) => f.endsWith(".sql")).sort()) {
  for (const statement of readFileSync(join("schema/migrations", file), "utf8").split("--> statement-breakpoint")) {
    const sql = statement.split("\n").filter((line) => !line.trim().startsWith("--")).join("\n").trim();
    if (sql) await db.prepare(sql).run();
  }
}

// Staff sessions straight into D1 (only their hashes are stored), then everything else through the API.
const token = (who: string) => `bench-${who}-token-0123456789abcdef0123456789`;
const sha = (s: string) => createHash("sha256").update(s).digest("hex");
await db.batch([
  db.prepare("insert into users (email, name, role) values ('checker@bench', 'Checker', 'checker'), ('editor@bench', 'Editor', 'editor')"),
  db.prepare("insert into sessions (token_hash, user_id, expires_at) values (?, 1, '2999-01-01T00:00:00Z'), (?, 2, '2999-01-01T00:00:00Z')").bind(sha(token("checker")), sha(token("editor"))),
]);
async function api(path: string, who: "checker" | "editor", body: unknown) {
  const res = await fetch(`${url}/api${path}`, {
    method: "POST",
    headers: { cookie: `factline_session=${token(who)}`, origin: url, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
}
const { article } = await api("/articles", "checker", { text: readFileSync(join(seeds, seed002), "utf8") });
const text: string = (await (await fetch(`${url}/api/articles/${article.id}`, { headers: { cookie: `factline_session=${token("checker")}` } })).json()).revision.text;
const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.length > 40 && s.length < 200);
const ratings = ["true", "mostly-true", "half-true", "misleading", "mostly-false", "false", "unverifiable"];
for (let i = 0; i < 10; i++) {
  const exact = sentences[i * 3];
  const start = [...text.slice(0, text.indexOf(exact))].length;
  const { claim } = await api(`/articles/${article.id}/claims`, "checker", {
    selector: [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end: start + [...exact].length }],
    claimant: { name: `Claimant ${i % 3}`, kind: "organization", description: null },
    ratingKey: ratings[i % ratings.length],
    explanation: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Explanation ${i}: what the records show.` }] }] },
    sources: [{ url: `https://example.org/source/${i}`, title: `Source ${i}`, publisher: "Example" }],
  });
  let version = claim.version;
  for (const [action, who] of [["submit", "checker"], ["approve", "editor"], ["publish", "editor"]] as const) {
    version = (await api(`/claims/${claim.id}/transitions`, who, { action, version })).claim.version;
  }
}

const page = `/articles/${article.slug}`;
const first = await fetch(`${url}${page}`);
const firstTrips = first.headers.get("x-d1-round-trips");
const html = await first.text();
const steady = await fetch(`${url}${page}`);
const steadyTrips = steady.headers.get("x-d1-round-trips");
const highlights = (html.match(/class="claim-card/g) ?? []).length;

async function load(path: string) {
  const result = await autocannon({ url: `${url}${path}`, connections, duration, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
}
// Warm up each route, then measure them in turn, round after round.
const routes = { trivial: "/api/health", oneTrip: "/api/health/db", page } as const;
for (const path of Object.values(routes)) await autocannon({ url: `${url}${path}`, connections, duration: 2 });
const samples: Record<keyof typeof routes, Awaited<ReturnType<typeof load>>[]> = { trivial: [], oneTrip: [], page: [] };
for (let r = 0; r < rounds; r++) {
  for (const name of Object.keys(routes) as (keyof typeof routes)[]) samples[name].push(await load(routes[name]));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = (a: keyof typeof routes, b: keyof typeof routes, field: "rps" | "p99") =>
  median(samples[a].map((s, i) => s[field] / Math.max(samples[b][i][field], 1)));
const row = (name: string, key: keyof typeof routes) => {
  const s = samples[key];
  return `| ${name} | ${median(s.map((x) => x.rps)).toFixed(0)} | ${median(s.map((x) => x.p50))} | ${median(s.map((x) => x.p99))} | ${s.reduce((n, x) => n + x.total, 0)} |`;
};
console.log(`\nSeed 002 with ${highlights} published claims; page ${(html.length / 1024).toFixed(1)} KiB; ${connections} connections; ${rounds} rounds of ${duration} s per route, routes taking turns; medians.\n`);
console.log("| route | req/s | p50 ms | p99 ms | requests (all rounds) |");
console.log("|---|---|---|---|---|");
console.log(row("trivial: GET /api/health (no D1)", "trivial"));
console.log(row("one D1 round trip: GET /api/health/db", "oneTrip"));
console.log(row("article page: GET /articles/<seed 002>", "page"));
console.log(`\n- D1 round trips of the article page: ${firstTrips} on the first (rendering) request, ${steadyTrips} when cached.`);
console.log(`- article page / one-D1-round-trip route: throughput ratio ${ratio("page", "oneTrip", "rps").toFixed(2)}, p99 ratio ${ratio("page", "oneTrip", "p99").toFixed(2)}`);
console.log(`- article page / trivial route: throughput ratio ${ratio("page", "trivial", "rps").toFixed(2)}, p99 ratio ${ratio("page", "trivial", "p99").toFixed(2)}`);

await mf.dispose();
rmSync(out, { recursive: true, force: true });
