import { and, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { publicClaimStates, type ClaimState } from "../../schema/enums";
import { withLabelOverrides } from "../../schema/rating-scale";
import type { SearchOptions } from "../../schema/search-inputs";
import { articleSearch, claimSearch } from "../../schema/search-table";
import { articles, claimants, claims } from "../../schema/tables";
import { decodeCursor, encodeCursor } from "../domain/search/cursor";
import { searchMatch } from "../domain/search/fts-query";
import { hitClose, hitOpen, snippetParts, type SnippetPart } from "../domain/search/snippet";
import type { Db } from "../db";
import { aliased } from "./alias";
import { publicScale, publicVersionOf, versionIn } from "./public";
import { labelOverrides } from "./ratings";
import { refuse } from "./refusal";

/** The filters and the page a search query takes. */
type FilterOptions = Omit<SearchOptions, "kind" | "q">;

/** Who reads the results: staff see every state; the public only published, corrected and retracted claims. */
export type SearchAudience = "staff" | "public";

/** Words of context around the hits in a snippet. */
const snippetTokens = 16;

const snippetOf = (table: string) => sql<string | null>`snippet(${sql.raw(table)}, -1, ${hitOpen}, ${hitClose}, '…', ${snippetTokens})`;

/** A claim's day for the date filters: when it was published, else when it was made. */
const claimDay = sql`substr(coalesce(${claims.publishedAt}, ${claims.createdAt}), 1, 10)`;
/** An article's day: its publisher's date, else when it was imported. */
const articleDay = sql`substr(coalesce(${articles.publishedAt}, ${articles.createdAt}), 1, 10)`;

/** The claim states a search may return: what was asked for, within what the audience may see. */
function visibleStates(audience: SearchAudience, asked: readonly string[] | undefined): readonly string[] | null {
  if (audience === "staff") return asked?.length ? asked : null;
  const allowed = publicClaimStates as readonly string[];
  return asked?.length ? asked.filter((s) => allowed.includes(s)) : allowed;
}

/** Conditions on a claim (`claims` in scope) from the filters that concern claims. */
function claimConditions(options: FilterOptions, audience: SearchAudience): SQL[] {
  const conditions: SQL[] = [];
  const states = visibleStates(audience, options.state);
  if (states) conditions.push(inArray(claims.state, states as ClaimState[]));
  if (options.rating) conditions.push(eq(claims.ratingKey, options.rating));
  if (options.claimant) conditions.push(eq(claims.claimantId, options.claimant));
  return conditions;
}

function dayRange(day: SQL, options: FilterOptions): SQL[] {
  return [options.from ? sql`${day} >= ${options.from}` : null, options.to ? sql`${day} <= ${options.to}` : null].filter((c): c is SQL => c !== null);
}

/** The row id a page starts below, or a refusal for a cursor that is not this listing's. */
function startBelow(kind: string, cursor: string | undefined) {
  if (!cursor) return null;
  const id = decodeCursor(kind, cursor);
  if (id === null) throw refuse("invalid", "invalid_cursor", "This page link is not valid: start the search again.");
  return id;
}

/**
 * Claims whose quote, explanation or claimant's name match, newest first (keyset on the claim id, so
 * FTS5 walks its rowids downward and stops at the page's end), with the claim's article and a snippet.
 */
export function claimSearchPage(db: Db, match: string, options: FilterOptions, audience: SearchAudience) {
  const below = startBelow("claims", options.cursor);
  return db
    .select({
      id: aliased(claims.id, "claim_id"),
      state: claims.state,
      ratingKey: claims.ratingKey,
      exact: claims.exact,
      publishedAt: aliased(claims.publishedAt, "claim_published_at"),
      createdAt: aliased(claims.createdAt, "claim_created_at"),
      claimant: { id: aliased(claimants.id, "claimant_id"), name: aliased(claimants.name, "claimant_name") },
      article: { id: aliased(articles.id, "article_id"), slug: articles.slug, title: articles.title, language: articles.language },
      snippet: snippetOf("claim_search"),
    })
    .from(claimSearch)
    .innerJoin(claims, eq(claims.id, claimSearch.rowid))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(claimants, eq(claimants.id, claims.claimantId))
    .where(
      and(
        sql`claim_search match ${match}`,
        below ? lt(claimSearch.rowid, below) : undefined,
        ...claimConditions(options, audience),
        options.language ? eq(articles.language, options.language) : undefined,
        ...dayRange(claimDay, options),
      ),
    )
    .orderBy(desc(claimSearch.rowid))
    .limit(options.limit + 1);
}

/**
 * Articles whose title or text match, newest first, with a snippet. The public sees an article only
 * while it has a public fact-check (as everywhere else); claim filters keep articles with such a claim.
 */
export function articleSearchPage(db: Db, match: string, options: FilterOptions, audience: SearchAudience) {
  const below = startBelow("articles", options.cursor);
  const onClaims = claimConditions(options, audience);
  return db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      language: articles.language,
      publisher: articles.publisher,
      publishedAt: articles.publishedAt,
      sourceUrl: articles.sourceUrl,
      snippet: snippetOf("article_search"),
    })
    .from(articleSearch)
    .innerJoin(articles, eq(articles.id, articleSearch.rowid))
    .where(
      and(
        sql`article_search match ${match}`,
        below ? lt(articleSearch.rowid, below) : undefined,
        // "articles"."id" spelled out: inside the subquery a bare "id" would be claims.id.
        onClaims.length ? sql`exists (select 1 from ${claims} where ${claims.articleId} = "articles"."id" and ${and(...onClaims)})` : undefined,
        options.language ? eq(articles.language, options.language) : undefined,
        ...dayRange(articleDay, options),
      ),
    )
    .orderBy(desc(articleSearch.rowid))
    .limit(options.limit + 1);
}

/** A page of results: at most `limit` items, and the cursor of the next page when there is one. */
export function toPage<T extends { id: number; snippet: string | null }>(kind: "claims" | "articles", rows: T[], limit: number) {
  const items = rows.slice(0, limit).map((r) => ({ ...r, snippet: snippetParts(r.snippet) as SnippetPart[] }));
  return { items, next: rows.length > limit ? encodeCursor(kind, items[items.length - 1].id) : null };
}

const empty = { items: [], next: null };

/** The public page's options: both kinds at once, or one kind paged on (`only`, with its cursor). */
export type PublicSearchOptions = Omit<SearchOptions, "kind"> & { only?: "claims" | "articles" };

/** GET /api/search: one kind of result, one page, in one D1 round trip. */
export async function staffSearch(db: Db, options: SearchOptions) {
  const match = searchMatch(options.q, options.language);
  if (!match) return { kind: options.kind, ...empty };
  if (options.kind === "articles") return { kind: options.kind, ...toPage("articles", await articleSearchPage(db, match, options, "staff"), options.limit) };
  return { kind: options.kind, ...toPage("claims", await claimSearchPage(db, match, options, "staff"), options.limit) };
}

/**
 * The public search page in ONE round trip: a page of public fact-checks and a page of their articles
 * (or only the kind a "more" link asked for), the rating scale's wording, and the public version the
 * page is cached under.
 */
export async function publicSearch(db: Db, options: PublicSearchOptions) {
  const match = searchMatch(options.q, options.language);
  if (!match) return { claims: empty, articles: empty, ...(await publicScale(db)) };
  // A "more" link pages one kind (its cursor is that kind's); the other kind is not fetched beyond one row.
  const optionsFor = (kind: "claims" | "articles") =>
    !options.only ? { ...options, cursor: undefined } : options.only === kind ? options : { ...options, cursor: undefined, limit: 0 };
  const [claimRows, articleRows, overrides, version] = await db.batch([
    claimSearchPage(db, match, optionsFor("claims"), "public"),
    articleSearchPage(db, match, optionsFor("articles"), "public"),
    labelOverrides(db),
    publicVersionOf(db),
  ]);
  return {
    version: versionIn(version),
    claims: options.only === "articles" ? empty : toPage("claims", claimRows, options.limit),
    articles: options.only === "claims" ? empty : toPage("articles", articleRows, options.limit),
    scale: withLabelOverrides(overrides),
  };
}
