import { and, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { publicClaimStates } from "../../schema/enums";
import type { SearchOptions } from "../../schema/search-inputs";
import type { Scale } from "../../schema/rating-scale";
import { articleSearch, claimSearch } from "../../schema/search-table";
import { articles, claimants, claims } from "../../schema/tables";
import { decodeCursor, encodeCursor } from "../domain/search/cursor";
import { searchMatch } from "../domain/search/fts-query";
import { hitClose, hitOpen, snippetParts, type SnippetPart } from "../domain/search/snippet";
import type { Db } from "../db";
import { aliased } from "./alias";
import { publicScale, publicVersionAndLabels, scaleAndVersionIn } from "./public";
import { prebuilt, runPrebuilt } from "./prebuilt";
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

/** The row id a page starts below, or a refusal for a cursor that is not this listing's. */
function startBelow(kind: string, cursor: string | undefined) {
  if (!cursor) return null;
  const id = decodeCursor(kind, cursor);
  if (id === null) throw refuse("invalid", "invalid_cursor", "This page link is not valid: start the search again.");
  return id;
}

/**
 * A search's values, bound to the placeholders of its statement, and its shape: which filters it has
 * and how many states, all that the SQL text depends on (the statement is built once a shape, see
 * prebuilt.ts).
 */
function bindSearch(kind: "claims" | "articles", match: string, options: FilterOptions, audience: SearchAudience) {
  const below = startBelow(kind, options.cursor);
  const states = visibleStates(audience, options.state);
  const values: Record<string, unknown> = { match, limit: options.limit + 1 };
  states?.forEach((state, i) => (values[`state${i}`] = state));
  const present = { below: below !== null, rating: !!options.rating, claimant: !!options.claimant, language: !!options.language, from: !!options.from, to: !!options.to };
  Object.assign(values, { below, rating: options.rating, claimant: options.claimant, language: options.language, from: options.from, to: options.to });
  const shape = { states: states?.length ?? null, ...present };
  const key = `${kind}:${states?.length ?? "-"}:${Object.entries(present).filter(([, on]) => on).map(([name]) => name).join(",")}`;
  return { shape, values, key };
}

type Shape = ReturnType<typeof bindSearch>["shape"];
const value = (name: string) => sql.placeholder(name);

/** Conditions on a claim (`claims` in scope) from the filters that concern claims. */
function claimConditions(shape: Shape): SQL[] {
  const conditions: SQL[] = [];
  if (shape.states !== null) conditions.push(inArray(claims.state, Array.from({ length: shape.states }, (_, i) => value(`state${i}`))));
  if (shape.rating) conditions.push(eq(claims.ratingKey, value("rating")));
  if (shape.claimant) conditions.push(eq(claims.claimantId, value("claimant")));
  return conditions;
}

function dayRange(day: SQL, shape: Shape): SQL[] {
  return [shape.from ? sql`${day} >= ${value("from")}` : null, shape.to ? sql`${day} <= ${value("to")}` : null].filter((c): c is SQL => c !== null);
}

/**
 * Claims whose quote, explanation or claimant's name match, newest first (keyset on the claim id, so
 * FTS5 walks its rowids downward and stops at the page's end), with the claim's article and a snippet.
 */
function claimSearchStatement(db: Db, shape: Shape) {
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
    // CROSS JOIN: SQLite keeps claim_search the outer loop. With an inner join the plan is the
    // planner's choice: workerd's SQLite walks FTS5 first, but SQLite 3.51 starts from
    // claims_state_idx and runs the full-text query once for every public claim (about 4x the time
    // with 10 claims, and it grows with them). The join order no longer depends on the version.
    .crossJoin(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(claimants, eq(claimants.id, claims.claimantId))
    .where(
      and(
        sql`claim_search match ${value("match")}`,
        eq(claims.id, claimSearch.rowid),
        shape.below ? lt(claimSearch.rowid, value("below")) : undefined,
        ...claimConditions(shape),
        shape.language ? eq(articles.language, value("language")) : undefined,
        ...dayRange(claimDay, shape),
      ),
    )
    .orderBy(desc(claimSearch.rowid))
    .limit(value("limit"));
}

/**
 * Articles whose title or text match, newest first, with a snippet. The public sees an article only
 * while it has a public fact-check (as everywhere else); claim filters keep articles with such a claim.
 */
function articleSearchStatement(db: Db, shape: Shape) {
  const onClaims = claimConditions(shape);
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
        sql`article_search match ${value("match")}`,
        shape.below ? lt(articleSearch.rowid, value("below")) : undefined,
        // "articles"."id" spelled out: inside the subquery a bare "id" would be claims.id.
        onClaims.length ? sql`exists (select 1 from ${claims} where ${claims.articleId} = "articles"."id" and ${and(...onClaims)})` : undefined,
        shape.language ? eq(articles.language, value("language")) : undefined,
        ...dayRange(articleDay, shape),
      ),
    )
    .orderBy(desc(articleSearch.rowid))
    .limit(value("limit"));
}

/** A page of claims (one row more than `limit`, to know whether there is a next page), as a prebuilt statement. */
export function claimSearchPage(db: Db, match: string, options: FilterOptions, audience: SearchAudience) {
  const { shape, values, key } = bindSearch("claims", match, options, audience);
  return prebuilt(key, () => claimSearchStatement(db, shape), values);
}

/** A page of articles, as a prebuilt statement. */
export function articleSearchPage(db: Db, match: string, options: FilterOptions, audience: SearchAudience) {
  const { shape, values, key } = bindSearch("articles", match, options, audience);
  return prebuilt(key, () => articleSearchStatement(db, shape), values);
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
  if (options.kind === "articles") {
    const [rows] = await runPrebuilt(db, [articleSearchPage(db, match, options, "staff")]);
    return { kind: options.kind, ...toPage("articles", rows, options.limit) };
  }
  const [rows] = await runPrebuilt(db, [claimSearchPage(db, match, options, "staff")]);
  return { kind: options.kind, ...toPage("claims", rows, options.limit) };
}

/**
 * The public search page in ONE round trip: a page of public fact-checks and a page of their articles
 * (or only the kind a "more" link asked for), the rating scale's wording, and the public version the
 * page is cached under. `current` is the scale and version the caller already knows to be current (a
 * warm isolate's, worker/http/public-memory.ts): then the page reads only the results, which are at
 * least as new as that version, and is kept under it.
 */
export async function publicSearch(db: Db, options: PublicSearchOptions, current?: { version: number; scale: Scale } | null) {
  const match = searchMatch(options.q, options.language);
  if (!match) return { claims: empty, articles: empty, ...(current ?? (await publicScale(db))) };
  // A "more" link pages one kind (its cursor is that kind's); the other kind is not fetched beyond one row.
  const optionsFor = (kind: "claims" | "articles") =>
    !options.only ? { ...options, cursor: undefined } : options.only === kind ? options : { ...options, cursor: undefined, limit: 0 };
  const results = [claimSearchPage(db, match, optionsFor("claims"), "public"), articleSearchPage(db, match, optionsFor("articles"), "public")] as const;
  const page = (version: number, scale: Scale, claimRows: ClaimHitRows, articleRows: ArticleHitRows) => ({
    version,
    claims: options.only === "articles" ? empty : toPage("claims", claimRows, options.limit),
    articles: options.only === "claims" ? empty : toPage("articles", articleRows, options.limit),
    scale,
  });
  if (current) {
    const [claimRows, articleRows] = await runPrebuilt(db, results);
    return page(current.version, current.scale, claimRows, articleRows);
  }
  const [claimRows, articleRows, state] = await runPrebuilt(db, [...results, prebuilt("publicVersionAndLabels", () => publicVersionAndLabels(db))]);
  const { version, scale } = scaleAndVersionIn(state);
  return page(version, scale, claimRows, articleRows);
}

type ClaimHitRows = Awaited<ReturnType<typeof runPrebuilt<[ReturnType<typeof claimSearchPage>]>>>[0];
type ArticleHitRows = Awaited<ReturnType<typeof runPrebuilt<[ReturnType<typeof articleSearchPage>]>>>[0];
