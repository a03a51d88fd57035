import { eq, sql } from "drizzle-orm";
import { matchIndex } from "../../schema/search-table";
import { matchDocument, matchQuery } from "../domain/matching/match-doc";
import { rescore, type Candidate } from "../domain/matching/rescore";
import type { Db } from "../db";

/** How many BM25 candidates the rescoring sees: enough that features can lift a cross-language match. */
const candidateDepth = 100;
/**
 * A term found in more fact-checks than this is too common to pick candidates by (its BM25 weight is
 * small, and scoring every row that holds it is what made a query slow at 100,000 fact-checks): when the
 * query has rarer terms, the candidates are the fact-checks that hold one of those. A query of common
 * terms only is asked as a whole, as before. Counting stops past the cap, so a look-up reads at most
 * this many rows a term. In an index where no term is this common, nothing changes.
 */
const commonTermCap = 1000;
/** Column weights of FTS5 bm25(): stems of the claim, stems of the headline, number and entity keys. */
const columnWeights = sql.raw("1.0, 0.4, 1.5");

/** Index rows are claims.id for our claims and -id for external fact-checks (one FTS5 table, one query). */
export const externalRowid = (id: number) => -id;

/** The statements that put a claim (or an external fact-check) into the match index, replacing it. */
export function indexStatements(db: Db, rowid: number, claim: string, title?: string | null) {
  return [db.delete(matchIndex).where(eq(matchIndex.rowid, rowid)), db.insert(matchIndex).values({ rowid, ...matchDocument(claim, title ?? "") })] as const;
}

/** One similar fact-check: ours (a public claim) or another organisation's. */
export interface SimilarFactCheck {
  kind: "ours" | "external";
  id: number;
  score: number;
  claim: string;
  /** Our rating key, or the organisation's own wording of its verdict. */
  rating: string | null;
  date: string | null;
  organisation: string | null;
  url: string | null;
  /** Our claims: the article it appears in and the claim's state. */
  article: { id: number; slug: string; title: string } | null;
  state: string | null;
  language: string | null;
}

interface Row {
  id: number;
  bm25: number;
  keys: string;
  exact: string | null;
  rating_key: string | null;
  published_at: string | null;
  state: string | null;
  article_id: number | null;
  slug: string | null;
  article_title: string | null;
  article_language: string | null;
  claim: string | null;
  rating: string | null;
  organisation: string | null;
  url: string | null;
  reviewed_at: string | null;
  e_language: string | null;
}

/**
 * The fact-checks most like a text, best first, in ONE D1 round trip: FTS5 BM25 picks the candidates
 * and joins what the workspace shows; the pure rescoring adds number and entity overlap. Only public
 * claims of ours (published, corrected, retracted) and external fact-checks are candidates.
 */
export async function findSimilar(db: Db, text: string, options: { limit?: number; excludeClaimId?: number } = {}): Promise<SimilarFactCheck[]> {
  const query = matchQuery(text);
  if (!query.fts) return [];
  // One statement: how common each term is (counted up to the cap), the OR of the rarer terms, then BM25
  // over it; when every term is common (or none is in the index), over the whole query.
  const rows = await db.all<Row>(sql`
    with terms(phrase) as (select value from json_each(${JSON.stringify(query.phrases)})),
    counted as (
      select phrase, (select count(*) from (select 1 from match_index where match_index match terms.phrase limit ${commonTermCap + 1})) as n from terms
    ),
    kept as (select group_concat(phrase, ' OR ') as expr from counted where n > 0 and n <= ${commonTermCap}),
    hits as (
      select rowid as id, bm25(match_index, ${columnWeights}) as bm25, keys from match_index
      where match_index match coalesce((select expr from kept), ${query.fts}) order by bm25 limit ${candidateDepth}
    )
    select hits.id, hits.bm25, hits.keys,
      c.exact, c.rating_key, c.published_at, c.state, a.id as article_id, a.slug, a.title as article_title, a.language as article_language,
      e.claim, e.rating, e.organisation, e.url, e.reviewed_at, e.language as e_language
    from hits
    left join claims c on hits.id > 0 and c.id = hits.id and c.state in ('published', 'corrected', 'retracted')
    left join articles a on a.id = c.article_id
    left join external_fact_checks e on hits.id < 0 and e.id = -hits.id
    where (c.id is not null or e.id is not null) and hits.id != ${options.excludeClaimId ?? 0}`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rescore(query, rows as Candidate[])
    .slice(0, options.limit ?? 10)
    .map(({ id, score }) => toSimilar(byId.get(id)!, score));
}

function toSimilar(r: Row, score: number): SimilarFactCheck {
  if (r.id > 0) {
    return {
      kind: "ours", id: r.id, score, claim: r.exact!, rating: r.rating_key, date: r.published_at, organisation: null, url: null,
      article: { id: r.article_id!, slug: r.slug!, title: r.article_title! }, state: r.state, language: r.article_language,
    };
  }
  return {
    kind: "external", id: -r.id, score, claim: r.claim!, rating: r.rating, date: r.reviewed_at, organisation: r.organisation, url: r.url,
    article: null, state: null, language: r.e_language,
  };
}
