import type { MatchQuery } from "./match-doc";

/** A candidate from the index: its BM25 (FTS5 sign: lower is better) and its stored keys. */
export interface Candidate {
  id: number;
  bm25: number;
  keys: string;
}

/**
 * Weights of the final score, tuned on the development pairs (test/bench/match-dev/), named so the
 * bench and the app share them. Lexical BM25 is scaled to the best candidate of the query (1.0), so
 * the features weigh the same whatever the corpus size.
 */
export const matchWeights = {
  /** Share of the query's numbers that the fact-check states too: the strongest sign of the same claim. */
  numbers: 0.6,
  /** Share of the query's named entities (any script) that the fact-check names. */
  entities: 0.35,
  /** Both state numbers and share none: most often a different claim about the same thing. */
  numberMismatch: 0.3,
} as const;

function share(wanted: readonly string[], have: ReadonlySet<string>): number {
  if (wanted.length === 0) return 0;
  let hits = 0;
  for (const k of wanted) if (have.has(k)) hits++;
  return hits / wanted.length;
}

/** Final scores, best first; ties broken by id so that the order is deterministic. */
export function rescore(query: MatchQuery, candidates: readonly Candidate[]): { id: number; score: number }[] {
  const best = Math.max(0, ...candidates.map((c) => -c.bm25));
  const scored = candidates.map((c) => {
    const keys = new Set(c.keys.split(" "));
    const lexical = best > 0 ? -c.bm25 / best : 0;
    const numbers = share(query.numbers, keys);
    const docHasNumbers = c.keys.split(" ").some((k) => k.startsWith("n"));
    const mismatch = query.numbers.length > 0 && docHasNumbers && numbers === 0 ? 1 : 0;
    const score = lexical + matchWeights.numbers * numbers + matchWeights.entities * share(query.entities, keys) - matchWeights.numberMismatch * mismatch;
    return { id: c.id, score: Math.round(score * 1e6) / 1e6 };
  });
  return scored.sort((a, b) => b.score - a.score || a.id - b.id);
}
