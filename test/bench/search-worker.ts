/**
 * A bench-only worker: the app's own search queries (worker/queries/search.ts) inside workerd, on two
 * D1 bindings, SMALL (the demo's size) and LARGE (10,000 articles, 100,000 claims). Rows are written
 * with plain INSERTs, so the migration's triggers fill both FTS5 indexes, as they do in the app.
 */
import type { SearchOptions } from "../../schema/search-inputs";
import { getDb } from "../../worker/db";
import { searchMatch } from "../../worker/domain/search/fts-query";
import { articleSearchPage, claimSearchPage, publicSearch, staffSearch, type SearchAudience } from "../../worker/queries/search";

interface Env {
  SMALL: D1Database;
  LARGE: D1Database;
}

interface ArticleRow {
  id: number;
  title: string;
  language: string;
  text: string;
}
interface ClaimRow {
  id: number;
  articleId: number;
  exact: string;
  state: string;
  ratingKey: string;
  claimant: number | null;
  explanation: string | null;
}

export interface BenchQuery {
  audience: SearchAudience;
  options: Partial<SearchOptions> & { q: string };
}

const fill = (o: BenchQuery["options"]): SearchOptions => ({ kind: "claims", limit: 20, ...o }) as SearchOptions;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const d1 = url.searchParams.get("db") === "large" ? env.LARGE : env.SMALL;
    const db = getDb(d1);
    if (url.pathname === "/noop") return Response.json({ items: [] });
    const body = (await request.json()) as Record<string, unknown>;
    if (url.pathname === "/migrate") {
      await d1.batch((body.statements as string[]).map((s) => d1.prepare(s)));
      return new Response("migrated");
    }
    if (url.pathname === "/load") {
      const statements: D1PreparedStatement[] = [d1.prepare("insert or ignore into users (id, email, name, role) values (1, 'bench@factline.local', 'Bench', 'checker')")];
      for (const [id, name] of (body.claimants as [number, string][]) ?? []) {
        statements.push(d1.prepare("insert into claimants (id, name, name_key) values (?, ?, ?)").bind(id, name, `${name.toLowerCase()} ${id}`));
      }
      for (const a of (body.articles as ArticleRow[]) ?? []) {
        const day = `2026-${String((a.id % 12) + 1).padStart(2, "0")}-${String((a.id % 28) + 1).padStart(2, "0")}`;
        statements.push(
          d1.prepare("insert into articles (id, slug, title, language, published_at, body_hash, created_by) values (?, ?, ?, ?, ?, ?, 1)").bind(a.id, `a-${a.id}`, a.title, a.language, day, `h${a.id}`),
          d1.prepare("insert into article_revisions (id, article_id, number, doc, text, content_hash, body_hash, created_by) values (?, ?, 1, '{}', ?, ?, ?, 1)").bind(a.id, a.id, a.text, `c${a.id}`, `h${a.id}`),
          d1.prepare("update articles set current_revision_id = ? where id = ?").bind(a.id, a.id),
        );
      }
      for (const c of (body.claims as ClaimRow[]) ?? []) {
        const published = ["published", "corrected", "retracted"].includes(c.state) ? `2026-${String((c.id % 12) + 1).padStart(2, "0")}-15T10:00:00.000Z` : null;
        statements.push(
          d1
            .prepare("insert into claims (id, article_id, revision_id, exact, start, end, state, rating_key, claimant_id, explanation, author_id, last_edited_by, published_at) values (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 1, 1, ?)")
            .bind(c.id, c.articleId, c.articleId, c.exact, c.exact.length, c.state, c.ratingKey, c.claimant, c.explanation, published),
        );
      }
      for (let i = 0; i < statements.length; i += 500) await d1.batch(statements.slice(i, i + 500));
      return Response.json({ statements: statements.length });
    }
    if (url.pathname === "/search") {
      // What each route does: the staff API's query, or the public page's one batch.
      const { audience, options } = body as unknown as BenchQuery;
      const found = audience === "public" ? await publicSearch(db, fill(options)) : await staffSearch(db, fill(options));
      return Response.json(found);
    }
    if (url.pathname === "/plan") {
      // EXPLAIN QUERY PLAN of the very statements the queries send, with their parameters.
      const { audience, options } = body as unknown as BenchQuery;
      const o = fill(options);
      const match = searchMatch(o.q, o.language)!;
      const query = o.kind === "articles" ? articleSearchPage(db, match, o, audience) : claimSearchPage(db, match, o, audience);
      const { sql, params } = query.toSQL();
      const plan = await d1.prepare(`explain query plan ${sql}`).bind(...params).all<{ id: number; parent: number; detail: string }>();
      return Response.json({ sql, plan: plan.results });
    }
    return new Response("not found", { status: 404 });
  },
};
