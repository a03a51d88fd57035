/**
 * Pages at 10,000 articles and 100,000 claims against the same pages at demo size, in one run, on
 * the built worker in Miniflare (see built-worker.ts).
 *
 *   npm run bench:scale      (SCALE_ARTICLES / SCALE_CLAIMS_PER_ARTICLE to change the size)
 *
 * Seed 002 goes in through the API with 10 published claims; the bulk is generated in SQL, as D1
 * would hold it after the app's imports and workflow (articles with a current revision (their
 * search rows come from migration 0023's triggers), claimants, claims in every state, about 60 % public, one claimant with a quarter of
 * all claims, a source a public claim). Each page is timed one request at a time, warm (served
 * again) and rendered (the first request after a change to public pages and a write through the API,
 * which makes the isolate read D1 again), at about 650 articles and then at the full size. The query plans of the hot
 * queries are read from D1 with EXPLAIN QUERY PLAN, with the SQL the app really sends. The tables
 * go into BENCHMARKS.md.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { articleListQuery } from "../../schema/inputs";
import { drizzle } from "drizzle-orm/d1";
import type { Db } from "../../worker/db";
import { publicArticleBySlug, publicClaimById } from "../../worker/queries/public";
import { publicSearch } from "../../worker/queries/search";
import { publicSearchQuery } from "../../schema/search-inputs";
import { publicClaimant, publicFeed, publicHome, publicSitemapIndex } from "../../worker/queries/public-lists";
import { listArticles } from "../../worker/queries/articles";
import { listClaims } from "../../worker/queries/claims";
import { measuredOn, median, publishClaim, startBuiltWorker, writeSection, type Who } from "./built-worker";

const fullArticles = Number(process.env.SCALE_ARTICLES ?? 10_000);
const perArticle = Number(process.env.SCALE_CLAIMS_PER_ARTICLE ?? 10);
const demoArticles = 650;
const samples = Number(process.env.SCALE_SAMPLES ?? 9);
const seeds = process.env.FACTLINE_SEEDS ?? resolve("../shared/seeds");
const seed002 = readdirSync(seeds).find((f) => f.startsWith("002_"));
if (!seed002) throw new Error(`seed 002 not found in ${seeds}`);

const w = await startBuiltWorker();
const { article } = await w.api("POST", "/articles", "checker", { text: readFileSync(join(seeds, seed002), "utf8") });
const seedText: string = (await w.api("GET", `/articles/${article.id}`, "checker")).revision.text;
const sentences = seedText.split(/(?<=[.!?])\s+/).filter((s) => s.length > 40 && s.length < 200);
const seedClaims: number[] = [];
for (let i = 0; i < 10; i++) seedClaims.push(await publishClaim(w, article.id, seedText, sentences[i * 3], i));
// A draft to write to: each write through the API makes this isolate's next public page read D1.
const draftStart = [...seedText.slice(0, seedText.indexOf(sentences[1]))].length;
const { claim: draft } = await w.api("POST", `/articles/${article.id}/claims`, "checker", {
  selector: [{ type: "TextQuoteSelector", exact: sentences[1] }, { type: "TextPositionSelector", start: draftStart, end: draftStart + [...sentences[1]].length }],
});

// A vocabulary for the generated texts, so that search has real work: words of the seed and numbered terms.
const vocabulary = [...new Set(seedText.toLowerCase().match(/\p{L}{4,}/gu) ?? [])];
const textOf = (i: number) => {
  const words: string[] = [];
  for (let k = 0; k < 160; k++) words.push(k % 3 === 0 ? `term${(i * 31 + k * 17) % 9973}` : vocabulary[(i * 7 + k * 13) % vocabulary.length]);
  return `${words.slice(0, 80).join(" ")}.\n${words.slice(80).join(" ")}.`;
};

/** Generate articles with ids up to `upTo`, each with `perArticle` claims, in SQL. */
async function grow(upTo: number) {
  const { n } = (await w.db.prepare("select count(*) as n from articles").first<{ n: number }>())!;
  // One small batch an article: Miniflare's D1 proxy drops a connection that carries hundreds of statements.
  for (let i = n + 1; i <= upTo; i++) {
    const text = textOf(i);
    const slug = `bench-article-${i}`;
    await w.db.batch([
      w.db.prepare("insert into articles (slug, title, language, body_hash, publisher) values (?, ?, 'en', ?, 'Bench Times')").bind(slug, `Bench article ${i} ${vocabulary[i % vocabulary.length]}`, `bench-hash-${i}`),
      w.db
        .prepare("insert into article_revisions (article_id, number, doc, text, content_hash, body_hash) values ((select id from articles where slug = ?), 1, '{}', ?, ?, ?)")
        .bind(slug, text, `bench-content-${i}`, `bench-hash-${i}`),
      w.db.prepare("update articles set current_revision_id = last_insert_rowid() where slug = ?").bind(slug),
    ]);
    if (i % 1000 === 0) process.stderr.write(`  ${i.toLocaleString("en")} articles\n`);
  }
  await w.db.prepare("insert or ignore into claimants (name, name_key, kind) select 'Bench claimant ' || value, 'bench claimant ' || value, 'person' from json_each(?)").bind(JSON.stringify(Array.from({ length: 1000 }, (_, k) => k))).run();
  const states = ["published", "published", "published", "published", "corrected", "retracted", "draft", "in_review", "approved", "draft"];
  await w.db
    .prepare(
      `insert into claims (article_id, revision_id, state, exact, start, "end", rating_key, claimant_id, author_id, last_edited_by, published_at, updated_at)
       select a.id, a.current_revision_id, json_extract(?, '$[' || (k.value % 10) || ']'), 'bench claim ' || a.id || '-' || k.value, k.value * 10, k.value * 10 + 8,
              json_extract('["true","mostly-true","half-true","misleading","mostly-false","false","unverifiable"]', '$[' || ((a.id + k.value) % 7) || ']'),
              case when (a.id + k.value) % 4 = 0 then (select min(id) from claimants where name_key like 'bench claimant %')
                   else (select min(id) from claimants where name_key like 'bench claimant %') + (a.id * 7 + k.value) % 1000 end,
              1, 1,
              case when k.value % 10 < 6 then strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (a.id * 10 + k.value) || ' seconds') end,
              strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (a.id * 10 + k.value) || ' seconds')
       from articles a, json_each(?) k
       where a.slug like 'bench-article-%' and not exists (select 1 from claims c where c.article_id = a.id)`,
    )
    .bind(JSON.stringify(states), JSON.stringify(Array.from({ length: perArticle }, (_, k) => k)))
    .run();
  await w.db.prepare("insert into sources (claim_id, url, title) select id, 'https://example.org/bench/' || id, 'Bench source' from claims c where c.state in ('published','corrected','retracted') and not exists (select 1 from sources s where s.claim_id = c.id)").run();
}

const prolific = async () => (await w.db.prepare("select claimant_id as id, count(*) as n from claims where state in ('published','corrected','retracted') group by claimant_id order by n desc limit 1").first<{ id: number; n: number }>())!;

interface Timing { warm: number; rendered: number; trips: string; bytes: number }
async function get(path: string, who?: Who) {
  const started = performance.now();
  const res = await fetch(`${w.url}${path}`, { headers: who ? { cookie: w.cookie(who) } : {} });
  const body = await res.arrayBuffer();
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return { ms: performance.now() - started, trips: res.headers.get("x-d1-round-trips") ?? "?", bytes: body.byteLength };
}
let draftVersion = draft.version as number;
/**
 * A change to public pages, as a publish elsewhere makes it (public_state moves on), then a write through
 * this isolate's API: the write marks its public pages stale, so the next page reads D1 and renders. (A
 * draft's write alone no longer does: its own version check finds nothing public changed.)
 */
async function touch() {
  await w.db.prepare("update public_state set version = version + 1").run();
  draftVersion = (await w.api("PATCH", `/claims/${draft.id}`, "checker", { version: draftVersion, explanation: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `note ${draftVersion}` }] }] } })).claim.version;
}
async function time(path: string, who?: Who): Promise<Timing> {
  const warm: number[] = [];
  const rendered: number[] = [];
  let trips = "";
  let bytes = 0;
  await get(path, who);
  for (let i = 0; i < samples; i++) {
    await touch();
    const first = await get(path, who);
    rendered.push(first.ms);
    const again = await get(path, who);
    warm.push(again.ms);
    trips = who ? first.trips : `${first.trips} / ${again.trips}`;
    bytes = again.bytes;
  }
  return { warm: median(warm), rendered: median(rendered), trips, bytes };
}

async function measure() {
  const who = await prolific();
  const pages: [string, string, Who?][] = [
    ["article page", `/articles/${article.slug}`],
    ["claim page", `/claims/${seedClaims[0]}`],
    ["home page", "/"],
    ["search", "/search?q=students"],
    [`claimant page (${who.n.toLocaleString("en")} public claims)`, `/claimants/${who.id}`],
    ["feed", "/feed.xml"],
    ["sitemap index", "/sitemap.xml"],
    ["staff article list", "/api/articles", "checker"],
    ["review queue", "/api/claims?state=in_review", "editor"],
  ];
  const out = new Map<string, Timing>();
  for (const [name, path, staff] of pages) out.set(name.replace(/ \(.*/, ""), { ...(await time(path, staff)), name } as Timing & { name: string });
  return out;
}

await grow(demoArticles);
const counts = async () => (await w.db.prepare("select (select count(*) from articles) as a, (select count(*) from claims) as c, (select count(*) from claims where state in ('published','corrected','retracted')) as p").first<{ a: number; c: number; p: number }>())!;
const small = await counts();
const atDemo = await measure();
await grow(fullArticles);
const large = await counts();
const atScale = await measure();

const fmt = (ms: number) => ms.toFixed(1);
const rows = [...atScale.entries()].map(([key, s]) => {
  const d = atDemo.get(key)!;
  return `| ${(s as Timing & { name: string }).name} | ${fmt(d.warm)} | ${fmt(s.warm)} | ${(s.warm / d.warm).toFixed(2)} | ${fmt(d.rendered)} | ${fmt(s.rendered)} | ${(s.rendered / d.rendered).toFixed(2)} | ${s.trips} | ${(s.bytes / 1024).toFixed(1)} |`;
});
// The timings first, so that a failure reading the plans loses nothing measured.
console.log(rows.join("\n"));

// The plans of the hot queries, with the SQL the app sends, read from D1 itself.
const sent: { sql: string; params: unknown[] }[] = [];
const logged = drizzle(w.db, { casing: "snake_case", logger: { logQuery: (sql, params) => void sent.push({ sql, params }) } });
// A batch is not logged statement by statement: read each statement's SQL from drizzle itself.
const db = new Proxy(logged, {
  get(target, prop) {
    if (prop === "batch") {
      return (queries: { toSQL?: () => { sql: string; params: unknown[] }; getQuery?: () => { sql: string; params: unknown[] } }[]) => {
        // Query builders answer toSQL(); raw statements (db.all(sql`…`)) answer getQuery().
        for (const q of queries) sent.push((q.toSQL ?? q.getQuery)!.call(q));
        return target.batch(queries as never);
      };
    }
    if (prop === "$client") {
      // Statements built once (worker/queries/prebuilt.ts) go to D1 directly: read their SQL as they are bound.
      return new Proxy(w.db, {
        get(d1, name) {
          if (name === "prepare") {
            return (query: string) => {
              const statement = d1.prepare(query);
              return new Proxy(statement, {
                get(s, key) {
                  if (key === "bind") return (...params: unknown[]) => (sent.push({ sql: query, params }), s.bind(...params));
                  const v = Reflect.get(s, key, s);
                  return typeof v === "function" ? v.bind(s) : v;
                },
              });
            };
          }
          const v = Reflect.get(d1, name, d1);
          return typeof v === "function" ? v.bind(d1) : v;
        },
      });
    }
    const value = Reflect.get(target, prop, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
}) as unknown as Db;
const who = await prolific();
const hot: [string, () => Promise<unknown>][] = [
  ["article page", () => publicArticleBySlug(db, article.slug)],
  ["claim page", () => publicClaimById(db, seedClaims[0])],
  ["home page", () => publicHome(db)],
  ["claimant page", () => publicClaimant(db, who.id, 2)],
  ["feed", () => publicFeed(db)],
  ["sitemap index", () => publicSitemapIndex(db)],
  ["search", () => {
    const { kind, ...query } = publicSearchQuery.parse({ q: "students" });
    return publicSearch(db, { ...query, only: kind });
  }],
  ["staff article list", () => listArticles(db, articleListQuery.parse({}))],
  ["review queue", () => listClaims(db, { states: ["in_review"], order: "newest", limit: 50, offset: 0 })],
];
const plans: string[] = [];
for (const [name, run] of hot) {
  sent.length = 0;
  await run();
  plans.push(`**${name}** (${sent.length} statement${sent.length === 1 ? "" : "s"}, one batch):`, "", "```");
  for (const { sql, params } of sent) {
    const rowsOfPlan = (await w.db.prepare(`explain query plan ${sql}`).bind(...params).all<{ detail: string }>()).results;
    plans.push(sql.length > 160 ? `${sql.slice(0, 157)}…` : sql, ...rowsOfPlan.map((r) => `  ${r.detail}`));
  }
  plans.push("```", "");
}

const report = [
  `Measured ${measuredOn()}. Demo size: ${small.a.toLocaleString("en")} articles, ${small.c.toLocaleString("en")} claims (${small.p.toLocaleString("en")} public); full size: ${large.a.toLocaleString("en")} articles, ${large.c.toLocaleString("en")} claims (${large.p.toLocaleString("en")} public). One request at a time, median of ${samples}; "rendered" is the first request after a change to public pages and a write through the API, "warm" the next one.`,
  "",
  "| page | warm, demo (ms) | warm, full (ms) | ratio | rendered, demo (ms) | rendered, full (ms) | ratio | D1 round trips (rendered / warm) | KiB |",
  "|---|---|---|---|---|---|---|---|---|",
  ...rows,
  "",
  "Query plans at full size:",
  "",
  ...plans,
].join("\n");
console.log(report);
writeSection("scale", report);
await w.stop();
