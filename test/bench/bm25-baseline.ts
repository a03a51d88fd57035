/**
 * Plain BM25 (Robertson/Lucene IDF, k1 = 1.2, b = 0.75) over lower-cased letter-and-digit tokens of
 * claim and title: no stemming, no number reading, no names. The baseline the matcher must beat.
 */
const tokens = (text: string) => text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export function bm25Ranker(corpus: string[][], k1 = 1.2, b = 0.75) {
  const docs = corpus.map(([id, claim, title]) => ({ id: id!, terms: tokens(`${claim ?? ""} ${title ?? ""}`) }));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const avgdl = docs.reduce((s, d) => s + d.terms.length, 0) / Math.max(1, docs.length);
  const tfs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    return tf;
  });
  return (query: string, depth = 20): string[] => {
    const q = [...new Set(tokens(query))];
    const scored = docs.map((d, i) => {
      let s = 0;
      for (const t of q) {
        const f = tfs[i]!.get(t);
        if (!f) continue;
        const n = df.get(t)!;
        const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
        s += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * d.terms.length) / avgdl));
      }
      return { id: d.id, s };
    });
    return scored.filter((x) => x.s > 0).sort((x, y) => y.s - x.s || (x.id < y.id ? -1 : 1)).slice(0, depth).map((x) => x.id);
  };
}

/** Mean average precision at k: each query's relevant documents (one or more), AP over the first k. */
export function mapAtK(runs: Map<string, string[]>, qrels: Map<string, Set<string>>, k = 5): number {
  let sum = 0;
  for (const [qid, relevant] of qrels) {
    let hits = 0;
    let ap = 0;
    (runs.get(qid) ?? []).slice(0, k).forEach((doc, i) => {
      if (relevant.has(doc)) ap += ++hits / (i + 1);
    });
    sum += ap / Math.min(relevant.size, k);
  }
  return sum / qrels.size;
}
