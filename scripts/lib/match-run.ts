import type { Db } from "../../worker/db";
import { importExternalReviews } from "../../worker/queries/fact-checks";
import { findSimilar } from "../../worker/queries/match";
import { externalFactChecks } from "../../schema/tables";
import { detectLanguage } from "../../worker/domain/language";

/**
 * Corpus rows go in as external fact-checks, in batches of this many (one D1 batch each). At 250 a batch
 * (501 statements) wrangler's platform proxy dropped the connection ("other side closed") on the first
 * batch, every time, on 2026-12-02; 50 goes through.
 */
const importSlice = 50;

/** Corpus rows (`id`, claim, title) as the external fact-checks the app imports. */
export const corpusReviews = (rows: string[][]) =>
  rows.map(([id, claim, title]) => ({
    key: `corpus:${id}`,
    claim: claim ?? "",
    title: title || null,
    rating: null,
    organisation: null,
    url: null,
    reviewedAt: null,
    language: detectLanguage(claim ?? ""),
  }));

/** Index a corpus through the app's own import code; returns index id → corpus id. */
export async function indexCorpus(db: Db, corpus: string[][]): Promise<Map<number, string>> {
  for (let i = 0; i < corpus.length; i += importSlice) await importExternalReviews(db, corpusReviews(corpus.slice(i, i + importSlice)), null);
  const rows = await db.select({ id: externalFactChecks.id, key: externalFactChecks.key }).from(externalFactChecks);
  return new Map(rows.map((r) => [r.id, r.key.slice("corpus:".length)]));
}

/** TREC run lines (`qid Q0 docid rank score factline`) for each query, with the app's matcher. */
export async function runQueries(db: Db, queries: string[][], ids: Map<number, string>, depth = 20): Promise<string[]> {
  const lines: string[] = [];
  for (const [qid, text] of queries) {
    const found = await findSimilar(db, text ?? "", { limit: depth });
    found.forEach((f, rank) => lines.push(`${qid} Q0 ${ids.get(f.id)} ${rank + 1} ${f.score.toFixed(6)} factline`));
  }
  return lines;
}
