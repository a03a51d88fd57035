/**
 * Claim matching, measured.  npm run bench:match
 *
 * 1. MAP@5 on our development pairs (test/bench/match-dev/) of the app's matcher against plain BM25,
 *    both in this run.
 * 2. Wall time of `npm run match` on 10,000 corpus lines and 200 queries (synthetic, deterministic).
 * 3. p95 of one match query against 100,000 indexed fact-checks inside workerd (the app's code in a
 *    bench worker on wrangler's Miniflare D1), against FTS5's own bm25() top 10 on the same index in the
 *    same rounds; workerd's clock stands still while code runs, so each request is timed from Node minus
 *    the median of no-op requests. BENCH_MATCH_ROWS changes the size.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { indexCorpus, openMatchWorker, runQueries } from "../../scripts/lib/match-run";
import { readTsv } from "../../scripts/lib/tsv";
import { bm25Ranker, mapAtK } from "./bm25-baseline";
import { syntheticCorpus } from "./match-synthetic";

const dev = "test/bench/match-dev";
const corpus = await readTsv(join(dev, "corpus.tsv"));
const queries = await readTsv(join(dev, "queries.tsv"));
const qrels = new Map<string, Set<string>>();
for (const [q, d] of await readTsv(join(dev, "qrels.tsv"))) qrels.set(q!, (qrels.get(q!) ?? new Set()).add(d!));

// 1. MAP@5, app matcher and plain BM25.
const local = await openMatchWorker();
const ids = await indexCorpus(local, corpus);
const appRuns = new Map<string, string[]>();
for (const line of await runQueries(local, queries, ids)) {
  const [qid, , doc] = line.split(" ");
  appRuns.set(qid!, [...(appRuns.get(qid!) ?? []), doc!]);
}
await local.dispose();
const bm25 = bm25Ranker(corpus);
const baseRuns = new Map(queries.map(([qid, text]) => [qid!, bm25(text ?? "")]));
console.log(`dev set: ${corpus.length} fact-checks, ${queries.length} queries`);
console.log(`MAP@5 Factline matcher: ${mapAtK(appRuns, qrels).toFixed(3)}`);
console.log(`MAP@5 plain BM25:       ${mapAtK(baseRuns, qrels).toFixed(3)}`);
for (const [qid, rel] of qrels) {
  const got = appRuns.get(qid) ?? [];
  const rank = got.findIndex((d) => rel.has(d));
  if (rank !== 0) console.log(`  ${qid}: right answer ${[...rel].join("/")} at rank ${rank < 0 ? "none" : rank + 1} (got ${got.slice(0, 3).join(", ")})`);
}

if (process.env.BENCH_MATCH_SKIP_SPEED) process.exit(0);

// 2. The CLI on 10,000 lines and 200 queries (BENCH_MATCH_SKIP_CLI skips it, to measure step 3 alone).
if (!process.env.BENCH_MATCH_SKIP_CLI) {
  const dir = mkdtempSync(join(tmpdir(), "factline-match-"));
  const big = [...corpus, ...syntheticCorpus(10_000 - corpus.length)];
  const bigQueries = [...queries, ...syntheticCorpus(140, 99).map(([id, claim]) => [`x${id}`, claim!])];
  writeFileSync(join(dir, "corpus.tsv"), ["id\tclaim\ttitle", ...big.map((r) => r.join("\t"))].join("\n"));
  writeFileSync(join(dir, "queries.tsv"), ["id\ttext", ...bigQueries.map((r) => r.join("\t"))].join("\n"));
  const t0 = performance.now();
  const out = execFileSync("npm", ["run", "-s", "match", "--", "--corpus", join(dir, "corpus.tsv"), "--queries", join(dir, "queries.tsv")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const cliSeconds = (performance.now() - t0) / 1000;
  console.log(`npm run match: ${big.length} corpus lines, ${bigQueries.length} queries, ${out.trim().split("\n").length} run lines in ${cliSeconds.toFixed(1)} s wall time`);
}

// 3. p95 inside workerd at 100,000 fact-checks.
const rows = Number(process.env.BENCH_MATCH_ROWS ?? 100_000);
const mf = await openMatchWorker("test/bench/match-worker.ts");
const post = mf.post;
const all = [...corpus, ...syntheticCorpus(rows - corpus.length)];
const tLoad = performance.now();
for (let i = 0; i < all.length; i += 500) await post("/load", { rows: all.slice(i, i + 500) });
console.log(`loaded ${all.length} fact-checks into the workerd D1 in ${((performance.now() - tLoad) / 1000).toFixed(0)} s`);
const timed = async (path: string, body: unknown) => {
  const t = performance.now();
  await post(path, body);
  return performance.now() - t;
};
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const texts = [...queries.map((q) => q[1]!), ...syntheticCorpus(140, 99).map((r) => r[1]!)];
for (const t of texts.slice(0, 20)) await post("/match", { texts: [t], limit: 10 }); // warm-up
for (const t of texts.slice(0, 20)) await post("/match-every-term", { texts: [t], limit: 10 });
for (const t of texts.slice(0, 20)) await post("/bm25", { text: t });
const noop: number[] = [];
const match: number[] = [];
const before: number[] = [];
const ftsOnly: number[] = [];
for (const t of texts) {
  noop.push(await timed("/noop", {}));
  match.push(await timed("/match", { texts: [t], limit: 10 }));
  before.push(await timed("/match-every-term", { texts: [t], limit: 10 }));
  ftsOnly.push(await timed("/bm25", { text: t }));
}
const overhead = pct(noop, 50);
const net = (xs: number[]) => xs.map((m) => Math.max(0, m - overhead));
const [now, then, base] = [net(match), net(before), net(ftsOnly)];
const line = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;
console.log(`match query at ${all.length} fact-checks inside workerd (${texts.length} queries, request overhead ${overhead.toFixed(1)} ms subtracted; load average ${loadavg()[0]!.toFixed(1)}):`);
console.log(`  now (common terms left out of the candidate search): ${line(now)}`);
console.log(`  before (every term):                                 ${line(then)}`);
console.log(`  baseline, FTS5 bm25() top 10 alone, every term:       ${line(base)}`);
console.log(`  ratio of p95s: now / baseline ${(pct(now, 95) / Math.max(pct(base, 95), 0.1)).toFixed(2)}, before / baseline ${(pct(then, 95) / Math.max(pct(base, 95), 0.1)).toFixed(2)}, now / before ${(pct(now, 95) / Math.max(pct(then, 95), 0.1)).toFixed(2)}`);

// Ranking quality at this size: the development queries against the whole index, now and before.
const big = new Map((await post<{ id: number; key: string }[]>("/ids", {})).map((r) => [r.id, r.key.slice("corpus:".length)]));
for (const [name, path] of [["now", "/match"], ["before", "/match-every-term"]] as const) {
  const results = await post<{ id: number }[][]>(path, { texts: queries.map((q) => q[1]!), limit: 5 });
  const runs = new Map(queries.map(([qid], i) => [qid!, results[i]!.map((f) => big.get(f.id)!)]));
  console.log(`  MAP@5 of the development queries among all ${all.length}: ${name} ${mapAtK(runs, qrels).toFixed(3)}`);
}
await mf.dispose();
