/**
 * Public pages against the platform's floor, on the built worker in Miniflare (see built-worker.ts).
 *
 *   npm run bench            (BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONNECTIONS to change the load;
 *                             BENCH_ONLY=search times the two floors and the routes whose names hold
 *                             that word, and prints the table without writing BENCHMARKS.md)
 *
 * Seed 002 is imported with 10 published claims through the API. Then autocannon loads, in one run
 * and in turn: a trivial route (no D1), a route that makes exactly one D1 round trip and nothing
 * else (the I/O floor), and every public page. Each page's D1 round trips are read from the
 * x-d1-round-trips header, cold and warm, not assumed. The machines are shared and noisy, so the
 * routes take turns over several rounds and each ratio is the median of its per-round ratios.
 * The table goes into BENCHMARKS.md.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import { measuredOn, median, publishClaim, startBuiltWorker, writeSection } from "./built-worker";

const duration = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const seeds = process.env.FACTLINE_SEEDS ?? resolve("../shared/seeds");
const seed002 = readdirSync(seeds).find((f) => f.startsWith("002_"));
if (!seed002) throw new Error(`seed 002 not found in ${seeds}`);

const w = await startBuiltWorker();
const { article } = await w.api("POST", "/articles", "checker", { text: readFileSync(join(seeds, seed002), "utf8") });
const text: string = (await w.api("GET", `/articles/${article.id}`, "checker")).revision.text;
const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.length > 40 && s.length < 200);
const claimIds: number[] = [];
for (let i = 0; i < 10; i++) claimIds.push(await publishClaim(w, article.id, text, sentences[i * 3], i));
const claimant = (await w.db.prepare("select claimant_id as id from claims where id = ?").bind(claimIds[0]).first<{ id: number }>())!.id;

// Words of the article for searches that each render (more distinct queries than pages kept in memory).
const words = [...new Set(text.toLowerCase().match(/\p{L}{5,}/gu) ?? [])];
let nextWord = 0;

type Route = { name: string; path: string; floor?: boolean; vary?: () => string };
const only = process.env.BENCH_ONLY;
const allRoutes: Route[] = [
  { name: "trivial: GET /api/health (no D1)", path: "/api/health", floor: true },
  { name: "I/O floor: GET /api/health/db (one D1 round trip)", path: "/api/health/db", floor: true },
  { name: "article page", path: `/articles/${article.slug}` },
  { name: "claim page", path: `/claims/${claimIds[0]}` },
  { name: "claimant page", path: `/claimants/${claimant}` },
  { name: "home page", path: "/" },
  { name: "feed", path: "/feed.xml" },
  { name: "sitemap index", path: "/sitemap.xml" },
  { name: "search, one query again and again", path: "/search?q=students" },
  { name: "search, a new query each time (rendered)", path: "/search?q=students", vary: () => `/search?q=${encodeURIComponent(`${words[nextWord++ % words.length]} ${nextWord}`)}` },
];
const routes = allRoutes.filter((r) => !only || r.floor || r.name.includes(only));

const trips: Record<string, { cold: string | null; warm: string | null }> = {};
for (const r of routes) {
  // A route that varies its path is never warm: both of its samples are new paths.
  const cold = await fetch(`${w.url}${r.vary ? r.vary() : r.path}`);
  await cold.arrayBuffer();
  const warm = await fetch(`${w.url}${r.vary ? r.vary() : r.path}`);
  await warm.arrayBuffer();
  if (!cold.ok || !warm.ok) throw new Error(`${r.path}: ${cold.status} / ${warm.status}`);
  trips[r.name] = { cold: cold.headers.get("x-d1-round-trips"), warm: warm.headers.get("x-d1-round-trips") };
}

interface Sample { rps: number; p50: number; p99: number; total: number; errors: number }
async function load(r: Route, seconds: number): Promise<Sample> {
  const result = await autocannon({
    url: `${w.url}${r.path}`,
    connections,
    duration: seconds,
    pipelining: 1,
    ...(r.vary ? { requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: r.vary!() }) }] } : {}),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, errors: result.non2xx + result.errors };
}
for (const r of routes) await load(r, 1);
const samples = new Map<string, Sample[]>(routes.map((r) => [r.name, []]));
for (let round = 0; round < rounds; round++) for (const r of routes) samples.get(r.name)!.push(await load(r, duration));

const ratio = (a: string, b: string, field: "rps" | "p99") => median(samples.get(a)!.map((s, i) => s[field] / Math.max(samples.get(b)![i][field], 1)));
const [trivial, floor] = [routes[0].name, routes[1].name];
const rows = routes.map((r) => {
  const s = samples.get(r.name)!;
  const t = trips[r.name];
  return `| ${r.name} | ${median(s.map((x) => x.rps)).toFixed(0)} | ${median(s.map((x) => x.p50))} | ${median(s.map((x) => x.p99))} | ${s.reduce((n, x) => n + x.errors, 0)} | ${ratio(r.name, trivial, "rps").toFixed(2)} | ${ratio(r.name, floor, "rps").toFixed(2)} | ${ratio(r.name, trivial, "p99").toFixed(2)} | ${t.cold} / ${t.warm} |`;
});
const table = [
  `Measured ${measuredOn()}. Seed 002 with 10 published claims; ${connections} connections; ${rounds} rounds of ${duration} s a route, routes taking turns; medians of the rounds.`,
  "",
  "| route | req/s | p50 ms | p99 ms | errors | throughput / trivial | throughput / I/O floor | p99 / trivial p99 | D1 round trips cold / warm |",
  "|---|---|---|---|---|---|---|---|---|",
  ...rows,
].join("\n");
console.log(`\n${table}\n`);
if (!only) writeSection("public", table);
await w.stop();
