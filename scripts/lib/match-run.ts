import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";
import { migrationStatements } from "./fresh-d1";

export { corpusReviews } from "./match-corpus";

/**
 * Corpus rows go in as external fact-checks, this many a request (one D1 batch each). Inside workerd a
 * batch of 500 rows takes well under a second; through wrangler's platform proxy (which this replaced)
 * every statement was a round trip of its own, and 10,000 rows took many minutes.
 */
const importSlice = 500;
/** Queries a request. */
const querySlice = 50;

/** A match worker (scripts/lib/match-worker.ts, or a bench's own) in wrangler's Miniflare, on an empty D1. */
export interface MatchWorker {
  post<T = unknown>(path: string, body: unknown): Promise<T>;
  dispose(): Promise<void>;
}

/**
 * Bundle `entry` and run it in workerd through wrangler's own Miniflare, in this process, with an
 * in-memory D1 that has every migration of schema/migrations applied.
 */
export async function openMatchWorker(entry = "scripts/lib/match-worker.ts"): Promise<MatchWorker> {
  const bundled = await build({ entryPoints: [entry], bundle: true, format: "esm", write: false, target: "es2022", conditions: ["workerd", "worker", "import"], logLevel: "error" });
  const { Miniflare } = createRequire(createRequire(import.meta.url).resolve("wrangler/package.json"))("miniflare") as typeof import("miniflare");
  const mf = new Miniflare({
    workers: [
      {
        config: {
          name: "factline-match",
          compatibilityDate: "2026-11-01",
          manifest: { mainModule: "index.js", modulesRoot: "/", modules: { "index.js": { type: "esm", contents: bundled.outputFiles[0]!.text } } },
          env: { DB: { type: "d1", id: "factline-match" } },
        },
      },
    ],
  } as never);
  await mf.ready;
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await mf.dispatchFetch(`http://match${path}`, { method: "POST", body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  for (const file of (await readdir("schema/migrations")).filter((f) => f.endsWith(".sql")).sort()) {
    await post("/migrate", { statements: migrationStatements(await readFile(join("schema/migrations", file), "utf8")) });
  }
  return { post, dispose: () => mf.dispose() };
}

/** Index a corpus through the app's own import code; returns index id → corpus id. */
export async function indexCorpus(worker: MatchWorker, corpus: string[][]): Promise<Map<number, string>> {
  for (let i = 0; i < corpus.length; i += importSlice) await worker.post("/load", { rows: corpus.slice(i, i + importSlice) });
  const rows = await worker.post<{ id: number; key: string }[]>("/ids", {});
  return new Map(rows.map((r) => [r.id, r.key.slice("corpus:".length)]));
}

/** TREC run lines (`qid Q0 docid rank score factline`) for each query, with the app's matcher. */
export async function runQueries(worker: MatchWorker, queries: string[][], ids: Map<number, string>, depth = 20): Promise<string[]> {
  const lines: string[] = [];
  for (let i = 0; i < queries.length; i += querySlice) {
    const slice = queries.slice(i, i + querySlice);
    const results = await worker.post<{ id: number; score: number }[][]>("/match", { texts: slice.map(([, text]) => text ?? ""), limit: depth });
    slice.forEach(([qid], q) => results[q]!.forEach((f, rank) => lines.push(`${qid} Q0 ${ids.get(f.id)} ${rank + 1} ${f.score.toFixed(6)} factline`)));
  }
  return lines;
}
