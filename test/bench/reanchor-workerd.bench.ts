/**
 * Milliseconds to re-anchor 1,000 claims on a ~200 KB article, inside workerd (wrangler's Miniflare).
 *
 *   npm run bench:reanchor-workerd
 *
 * The article is built from the seed texts; 1,000 claims are sentences of it; the new revision inserts
 * paragraphs, fixes typos and changes quote marks. workerd's clock stands still while code runs, so
 * the time is taken from Node: each /run request minus the median of /noop requests to the same isolate.
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

const bundled = await build({ entryPoints: ["test/bench/reanchor-worker.ts"], bundle: true, format: "esm", write: false, target: "es2022" });
const { Miniflare } = createRequire(createRequire(import.meta.url).resolve("wrangler/package.json"))("miniflare") as typeof import("miniflare");
const mf = new Miniflare({
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
await (await mf.dispatchFetch("http://bench/load", { method: "POST", body: JSON.stringify({ selectors, newText }) })).text();

async function time(path: string) {
  const t0 = performance.now();
  const body = (await (await mf.dispatchFetch(`http://bench${path}`)).json()) as { statuses: Record<string, number> };
  return { ms: performance.now() - t0, statuses: body.statuses };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
await time("/run"); // warm-up: JIT and the prepared text
const noop: number[] = [];
const run: number[] = [];
let statuses = {};
for (let i = 0; i < runs; i++) {
  noop.push((await time("/noop")).ms);
  const r = await time("/run");
  run.push(r.ms);
  statuses = r.statuses;
}
const overhead = median(noop);
console.log(`Article: ${(Buffer.byteLength(oldText) / 1024).toFixed(0)} KiB (${[...oldText].length} code points), new revision ${(Buffer.byteLength(newText) / 1024).toFixed(0)} KiB; ${selectors.length} claims; ${runs} runs.`);
console.log(`Outcome: ${JSON.stringify(statuses)}`);
console.log(`Re-anchor 1,000 claims inside workerd: median ${(median(run) - overhead).toFixed(1)} ms (min ${(Math.min(...run) - overhead).toFixed(1)}, max ${(Math.max(...run) - overhead).toFixed(1)}; request overhead ${overhead.toFixed(1)} ms subtracted).`);
await mf.dispose();
