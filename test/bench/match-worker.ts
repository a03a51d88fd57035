/** A bench-only worker: the app's own match import and query code, inside workerd, on a D1 binding. */
import { corpusReviews } from "../../scripts/lib/match-run";
import { getDb } from "../../worker/db";
import { importExternalReviews } from "../../worker/queries/fact-checks";
import { matchQuery } from "../../worker/domain/matching/match-doc";
import { findSimilar } from "../../worker/queries/match";

export default {
  async fetch(request: Request, env: { DB: D1Database }): Promise<Response> {
    const url = new URL(request.url);
    const db = getDb(env.DB);
    if (url.pathname === "/noop") return Response.json({ items: [] });
    if (url.pathname === "/migrate") {
      const { statements } = (await request.json()) as { statements: string[] };
      await env.DB.batch(statements.map((s) => env.DB.prepare(s)));
      return Response.json({ migrated: statements.length });
    }
    if (url.pathname === "/load") {
      const { rows } = (await request.json()) as { rows: string[][] };
      return Response.json(await importExternalReviews(db, corpusReviews(rows), null));
    }
    if (url.pathname === "/match") {
      const { text } = (await request.json()) as { text: string };
      return Response.json({ items: await findSimilar(db, text, { limit: 10 }) });
    }
    if (url.pathname === "/bm25") {
      // Baseline: FTS5 alone on the same index and the same query terms, the top 10 by plain bm25(),
      // without the candidate depth, the joins and the re-ranking that findSimilar adds.
      const { text } = (await request.json()) as { text: string };
      const fts = matchQuery(text).fts;
      const rows = fts ? (await env.DB.prepare("select rowid from match_index where match_index match ? order by bm25(match_index) limit 10").bind(fts).all()).results : [];
      return Response.json({ items: rows });
    }
    return new Response("not found", { status: 404 });
  },
};
