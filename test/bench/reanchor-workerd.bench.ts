/**
 * Milliseconds to re-anchor 1,000 claims on a ~200 KB article, inside workerd (wrangler's Miniflare).
 *
 *   npm run bench:reanchor-workerd
 *
 * The article is built from the seed texts; 1,000 claims are sentences of it. Two measurements in one run,
 * taking turns: one corrected revision (inserted paragraphs, changed first words, straightened quote marks)
 * re-anchored by quote as the pipeline did before it followed diffs (/run), and the same claims followed
 * through a chain of ten revisions, diff first, as the pipeline does now (/chain). workerd's clock stands
 * still while code runs, so the time is taken from Node: each request minus the median of /noop requests.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { describeRange } from "../../worker/domain/selector";

const runs = Number(process.env.BENCH_RUNS ?? 15);
const seeds = process.env.FACTLINE_SEEDS ?? resolve("../shared/seeds");
// Seed 001 repeats seed 000 word for word: its passages would be genuinely ambiguous, so it is left out.
const texts = readdirSync(seeds).sort().filter((f) => !f.startsWith("001_")).map((f) => readFileSync(join(seeds, f), "utf8").replace(/\r/g, ""));

// ~200 KB of text: the seeds' paragraphs, every sentence numbered by its copy so that repeats are not
// identical (a real article does not repeat whole passages; identical ones would rightly be ambiguous).
const paragraphs: string[] = [];
for (let copy = 0; paragraphs.join("\n\n").length < 200_000; copy++) {
  for (const t of texts) for (const p of t.split(/\n+/).filter((l) => l.trim().length > 60)) paragraphs.push(`(${copy}) ${p.trim().replace(/([.!?]) /g, `$1 (${copy}) `)}`);
}
const oldText = paragraphs.join("\n\n");
const sentences = [...oldText.matchAll(/[^.!?\n]{40,160}[.!?]/g)];
const step = Math.floor(sentences.length / 1000);
const selectors = Array.from({ length: 1000 }, (_, i) => {
  const m = sentences[i * step];
  const start = [...oldText.slice(0, m.index)].length;
  return describeRange(oldText, start, start + [...m[0]].length);
});
// The correction: a paragraph inserted every 20, quote marks straightened, every 50th paragraph's first word changed.
const newText = paragraphs
  .flatMap((p, i) => [...(i % 20 === 0 ? [`Editor's note ${i}: this paragraph was added in a correction.`] : []), i % 50 === 0 ? p.replace(/\w+/, "Amended") : p])
  .join("\n\n")
  .replace(/[“”]/g, '"');

// Ten revisions in a row: each inserts notes, rewrites a first word here and there, edits words inside some
// claims, moves a paragraph and merges two; the first also straightens the quote marks.
const chain: string[] = [];
let current = [...paragraphs];
for (let k = 1; k <= 10; k++) {
  let next = current.flatMap((p, i) => [...((i + k) % 25 === 0 ? [`Editor's note ${k}.${i}: this paragraph was added in revision ${k}.`] : []), (i + 3 * k) % 60 === 0 ? p.replace(/\w+/, "Amended") : p]);
  next = next.map((p, i) => ((i + k) % 45 === 0 ? p.replace(/ (\w{5,}) /, " $1 indeed ") : p));
  const from = (37 * k) % next.length;
  const [moved] = next.splice(from, 1);
  next.splice((from + 97) % next.length, 0, moved);
  const merge = (53 * k) % (next.length - 1);
  next.splice(merge, 2, `${next[merge]} ${next[merge + 1]}`);
  if (k === 1) next = next.map((p) => p.replace(/[“”]/g, '"'));
  chain.push(next.join("\n\n"));
  current = next;
}

const bundled = await build({ entryPoints: ["test/bench/reanchor-worker.ts"], bundle: true, format: "esm", write: false, target: "es2022" });
const { Miniflare } = createRequire(createRequire(import.meta.url).resolve("wrangler/package.json"))("miniflare") as typeof import("miniflare");
const mf = new Miniflare({
  // Loopback only; BENCH_PORT pins the port (0: any free one).
  port: Number(process.env.BENCH_PORT ?? 0),
  host: "127.0.0.1",
  workers: [
    {
      config: {
        name: "reanchor-bench",
        compatibilityDate: "2026-11-01",
        manifest: { mainModule: "index.js", modulesRoot: "/", modules: { "index.js": { type: "esm", contents: bundled.outputFiles[0].text } } },
        env: {},
      },
    },
  ],
} as never);
await mf.ready;
await (await mf.dispatchFetch("http://bench/load", { method: "POST", body: JSON.stringify({ selectors, oldText, newText, chain }) })).text();

async function time(path: string) {
  const t0 = performance.now();
  const body = (await (await mf.dispatchFetch(`http://bench${path}`)).json()) as { statuses: Record<string, number>; methods?: Record<string, number> };
  return { ms: performance.now() - t0, statuses: body.statuses, methods: body.methods };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
await time("/run"); // warm-up: JIT and the prepared text
await time("/chain");
const noop: number[] = [];
const run: number[] = [];
const chained: number[] = [];
let statuses = {};
let chainOutcome: Awaited<ReturnType<typeof time>> | null = null;
for (let i = 0; i < runs; i++) {
  noop.push((await time("/noop")).ms);
  const r = await time("/run");
  run.push(r.ms);
  statuses = r.statuses;
  chainOutcome = await time("/chain");
  chained.push(chainOutcome.ms);
}
const overhead = median(noop);
console.log(`Article: ${(Buffer.byteLength(oldText) / 1024).toFixed(0)} KiB (${[...oldText].length} code points), new revision ${(Buffer.byteLength(newText) / 1024).toFixed(0)} KiB; ${selectors.length} claims; ${runs} runs.`);
console.log(`Outcome: ${JSON.stringify(statuses)}`);
console.log(`Re-anchor 1,000 claims inside workerd: median ${(median(run) - overhead).toFixed(1)} ms (min ${(Math.min(...run) - overhead).toFixed(1)}, max ${(Math.max(...run) - overhead).toFixed(1)}; request overhead ${overhead.toFixed(1)} ms subtracted).`);
const one = median(run) - overhead;
const ten = median(chained) - overhead;
console.log(`Chain: ${chain.length} revisions, the last ${(Buffer.byteLength(chain[chain.length - 1]) / 1024).toFixed(0)} KiB. Outcome after the last: ${JSON.stringify(chainOutcome!.statuses)}; steps decided by ${JSON.stringify(chainOutcome!.methods)}.`);
console.log(`Follow 1,000 claims through ${chain.length} revisions, diff first, inside workerd: median ${ten.toFixed(1)} ms (min ${(Math.min(...chained) - overhead).toFixed(1)}, max ${(Math.max(...chained) - overhead).toFixed(1)}).`);
// Each run times one revision and then the chain back to back: the median of those pairs' ratios is steadier
// on a loaded machine than the ratio of the two medians.
const pairs = run.map((r, i) => (chained[i] - overhead) / (r - overhead));
console.log(`Ratio, ${chain.length} revisions now / one revision by quote: median of ${runs} back-to-back pairs **${median(pairs).toFixed(2)}** (min ${Math.min(...pairs).toFixed(2)}, max ${Math.max(...pairs).toFixed(2)}); ratio of the medians ${(ten / one).toFixed(2)} (goal ≤ 2).`);
await mf.dispose();
