/** The bench's worker: the match runner's own (scripts/lib/match-worker.ts), plus a no-op and the FTS5 baseline. */
import { sql } from "drizzle-orm";
import { handleMatchRequest, type MatchWorkerEnv } from "../../scripts/lib/match-worker";
import { getDb } from "../../worker/db";
import { matchQuery } from "../../worker/domain/matching/match-doc";
import { rescore, type Candidate } from "../../worker/domain/matching/rescore";

/**
 * The match query as it was before common terms were left out of the candidate search (2026-12-02):
 * BM25 over the OR of every term. Kept here only to measure before and after in the same run.
 */
async function matchEveryTerm(env: MatchWorkerEnv, text: string, limit: number) {
  const query = matchQuery(text);
  if (!query.fts) return [];
  const rows = await getDb(env.DB).all<Candidate>(sql`
    with hits as (
      select rowid as id, bm25(match_index, 1.0, 0.4, 1.5) as bm25, keys from match_index
      where match_index match ${query.fts} order by bm25 limit 100
    )
    select hits.id, hits.bm25, hits.keys,
      c.exact, c.rating_key, c.published_at, c.state, a.id as article_id, a.slug, a.title as article_title, a.language as article_language,
      e.claim, e.rating, e.organisation, e.url, e.reviewed_at, e.language as e_language
    from hits
    left join claims c on hits.id > 0 and c.id = hits.id and c.state in ('published', 'corrected', 'retracted')
    left join articles a on a.id = c.article_id
    left join external_fact_checks e on hits.id < 0 and e.id = -hits.id
    where (c.id is not null or e.id is not null)`);
  return rescore(query, rows).slice(0, limit).map(({ id, score }) => ({ id: id < 0 ? -id : id, score }));
}

export default {
  async fetch(request: Request, env: MatchWorkerEnv): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === "/noop") return Response.json({ items: [] });
    if (path === "/match-every-term") {
      const { texts, limit } = (await request.json()) as { texts: string[]; limit: number };
      const results = [];
      for (const text of texts) results.push(await matchEveryTerm(env, text, limit));
      return Response.json(results);
    }
    if (path === "/bm25") {
      // Baseline: FTS5 alone on the same index and the same query terms, the top 10 by plain bm25(),
      // without the candidate depth, the joins and the re-ranking that findSimilar adds.
      const { text } = (await request.json()) as { text: string };
      const fts = matchQuery(text).fts;
      const rows = fts ? (await env.DB.prepare("select rowid from match_index where match_index match ? order by bm25(match_index) limit 10").bind(fts).all()).results : [];
      return Response.json({ items: rows });
    }
    return (await handleMatchRequest(request, env)) ?? new Response("not found", { status: 404 });
  },
};
