/**
 * npm run match -- --corpus CORPUS.tsv --queries QUERIES.tsv
 * Builds the app's match index in a fresh D1 (all migrations, the app's import code, run inside workerd
 * by wrangler's Miniflare in this process) and prints a TREC run, `qid Q0 docid rank score factline`,
 * top 20 a query. Timings go to standard error.
 */
import { parseArgs } from "node:util";
import { indexCorpus, openMatchWorker, runQueries } from "./lib/match-run";
import { readTsv } from "./lib/tsv";

const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== "--"), options: { corpus: { type: "string" }, queries: { type: "string" } } });
if (!values.corpus || !values.queries) {
  console.error("usage: npm run match -- --corpus CORPUS.tsv --queries QUERIES.tsv");
  process.exit(2);
}
const started = performance.now();
const [corpus, queries] = await Promise.all([readTsv(values.corpus), readTsv(values.queries)]);
const worker = await openMatchWorker();
try {
  const ids = await indexCorpus(worker, corpus);
  const indexed = performance.now();
  const lines = await runQueries(worker, queries, ids);
  process.stdout.write(lines.join("\n") + (lines.length ? "\n" : ""));
  const done = performance.now();
  console.error(`match: ${corpus.length} corpus lines indexed in ${((indexed - started) / 1000).toFixed(1)} s, ${queries.length} queries in ${((done - indexed) / 1000).toFixed(1)} s`);
} finally {
  await worker.dispose();
}
