/**
 * Milliseconds to score every sentence of a 10,000-word article inside workerd (wrangler's Miniflare),
 * against the floor rule "contains a number" over the same Intl.Segmenter sentences, in the same run:
 *
 *   npm run bench:checkworthy-workerd
 *
 * The articles are built from the seed texts (English from 000, 002, 003; Russian from 004) and our own
 * Kazakh sentences (the labelled sets in test/fixtures/checkworthy/), repeated to 10,000 words.
 * workerd's clock stands still while code runs, so time is taken from Node around each
 * request, minus the median of no-op requests to the same isolate; the engines take turns every round.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const runs = Number(process.env.BENCH_RUNS ?? 15);
const words = 10_000;
const seeds = process.env.FACTLINE_SEEDS ?? resolve("../shared/seeds");
const seed = (prefix: string) => readFileSync(join(seeds, readdirSync(seeds).find((f) => f.startsWith(prefix))!), "utf8").replace(/\r/g, "");

/** Every Kazakh sentence of our labelled sets (test/fixtures/checkworthy/), one a line. */
function kazakhSentences(): string {
  return ["dev", "heldout"]
    .flatMap((part) => readFileSync(`test/fixtures/checkworthy/${part}.tsv`, "utf8").split("\n").slice(1))
    .map((line) => line.split("\t"))
    .filter((cols) => cols[1] === "kk" && cols[4])
    .map((cols) => cols[4]!.trim())
    .join("\n");
}

/** `sources` repeated, paragraph by paragraph, until the text holds `words` words; cut at a paragraph end. */
function article(sources: string[]): string {
  const paragraphs = sources.flatMap((t) => t.split(/\n+/).map((p) => p.trim()).filter(Boolean));
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = paragraphs[i % paragraphs.length];
    out.push(p);
    count += p.split(/\s+/).length;
  }
  return out.join("\n\n");
}

const bundled = await build({ entryPoints: ["test/bench/checkworthy-worker.ts"], bundle: true, format: "esm", write: false, target: "es2022" });
const { Miniflare } = createRequire(createRequire(import.meta.url).resolve("wrangler/package.json"))("miniflare") as typeof import("miniflare");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const [lang, text] of [
  ["en", article([seed("000"), seed("002"), seed("003")])],
  ["ru", article([seed("004")])],
  // No Kazakh seed: our own Kazakh sentences (the labelled sets, demo article included), one paragraph each.
  ["kk", article([kazakhSentences()])],
] as const) {
  const mf = new Miniflare({
    workers: [
      {
        config: {
          name: "checkworthy-bench",
          compatibilityDate: "2026-11-01",
          manifest: { mainModule: "index.js", modulesRoot: "/", modules: { "index.js": { type: "esm", contents: bundled.outputFiles[0].text } } },
          env: {},
        },
      },
    ],
  } as never);
  await mf.ready;
  await (await mf.dispatchFetch("http://bench/load", { method: "POST", body: JSON.stringify({ text, lang }) })).text();
  const time = async (path: string) => {
    const t0 = performance.now();
    const body = (await (await mf.dispatchFetch(`http://bench${path}`)).json()) as { sentences: number; top: number };
    return { ms: performance.now() - t0, body };
  };
  await time("/suggest"); // warm-up: JIT, segmenter and regular expressions
  await time("/number-rule");
  const noop: number[] = [];
  const suggest: number[] = [];
  const rule: number[] = [];
  let outcome = { sentences: 0, top: 0 };
  for (let i = 0; i < runs; i++) {
    noop.push((await time("/noop")).ms);
    const s = await time("/suggest");
    suggest.push(s.ms);
    outcome = s.body;
    rule.push((await time("/number-rule")).ms);
  }
  const overhead = median(noop);
  const ms = median(suggest) - overhead;
  const baseline = median(rule) - overhead;
  console.log(
    `${lang}: ${text.split(/\s+/).length} words, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB, ${outcome.sentences} sentences (${outcome.top} scored ≥ 0.5); ${runs} runs.`,
  );
  console.log(
    `  suggestions: median ${ms.toFixed(1)} ms (min ${(Math.min(...suggest) - overhead).toFixed(1)}, max ${(Math.max(...suggest) - overhead).toFixed(1)}); ` +
      `number rule: median ${baseline.toFixed(1)} ms; ratio ${(ms / baseline).toFixed(2)}; request overhead ${overhead.toFixed(1)} ms subtracted.`,
  );
  await mf.dispose();
}
