import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshnessInterval, publicClock } from "../../worker/http/public-memory";
import worker from "../../worker/index";
import { claimantPageSize } from "../../worker/queries/public-lists";
import { call, claimThrough, importArticle, origin, request, selectorFor, signInStaff, type CallOptions, type Staff } from "./support";

/**
 * Public pages are served from the isolate's memory and refreshed in the background. These tests
 * move the isolate's clock by hand, and stand in for "another isolate" by writing to D1 directly
 * (the app marks its own isolate's pages stale after its own writes; other isolates only learn of a
 * change through `public_state`, which D1's triggers move on).
 */

let checker: Staff, editor: Staff, editor2: Staff;
let now = 1_000_000;

beforeEach(async () => {
  ({ checker, editor, editor2 } = await signInStaff());
  publicClock.now = () => now;
});
afterEach(() => {
  publicClock.now = () => Date.now();
});

const text = [
  "Minister promises 500 new schools",
  "",
  "The minister said that 500 new schools will open by 2026, and that 9 миллионов tenge was spent on lunches.",
  "",
  "Opposition deputies said only 120 schools were built last year.",
].join("\n");

/** A GET through the worker's own fetch, waiting for its background work (the freshness check) too. */
async function read(path: string, headers: Record<string, string> = {}) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${origin}${path}`, { headers }), env, ctx);
  const body = await res.text();
  await waitOnExecutionContext(ctx);
  return { status: res.status, body, trips: res.headers.get("x-d1-round-trips"), etag: res.headers.get("etag") };
}

/** A staff write through the worker's own fetch, waiting for its background work (the version check after a write) too. */
async function write(path: string, options: CallOptions) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(request(path, options), env, ctx);
  const body = await res.json<any>();
  await waitOnExecutionContext(ctx);
  return { status: res.status, body };
}

async function publishedArticle() {
  const article = await importArticle(text, checker);
  const claim = await claimThrough(article, "500 new schools will open by 2026", "published", { checker, editor }, { claimant: { name: "The Minister", kind: "person" } });
  return { article, claim };
}

describe("public pages from memory", { timeout: 60_000 }, () => {
  it("serves every public page warm with no D1 round trip, and renders each cold with exactly one", async () => {
    const { article, claim } = await publishedArticle();
    const claimant = (await env.DB.prepare("select claimant_id as id from claims where id = ?").bind(claim.id).first<{ id: number }>())!.id;
    const pages = ["/", `/articles/${article.slug}`, `/claims/${claim.id}`, `/claimants/${claimant}`, "/search?q=schools", "/feed.xml", "/sitemap.xml", "/sitemaps/claims-0.xml", "/sitemaps/articles-0.xml"];
    for (const path of pages) {
      const cold = await read(path);
      expect([path, cold.status, cold.trips]).toEqual([path, 200, "1"]);
      const warm = await read(path);
      expect([path, warm.status, warm.trips]).toEqual([path, 200, "0"]);
      expect(warm.body).toBe(cold.body);
      const unchanged = await read(path, { "if-none-match": warm.etag! });
      expect([path, unchanged.status, unchanged.trips]).toEqual([path, 304, "0"]);
    }
  });

  it("costs the same round trips with twenty fact-checks as with one (no query a claim)", async () => {
    const article = await importArticle(text, checker);
    const sentences = ["500 new schools", "will open by 2026", "9 миллионов tenge", "spent on lunches", "only 120 schools", "built last year"];
    for (const exact of sentences) await claimThrough(article, exact, "published", { checker, editor }, { sources: [{ url: "https://stat.example/a", title: "A" }, { url: "https://stat.example/b", title: "B" }] });
    const cold = await read(`/articles/${article.slug}`);
    expect(cold.body.match(/class="claim-card/g)?.length).toBe(sentences.length);
    expect(cold.trips).toBe("1");
  });

  it("shows a change made elsewhere to the next reader within two seconds, with no I/O before then", async () => {
    const { article, claim } = await publishedArticle();
    const path = `/articles/${article.slug}`;
    expect((await read(path)).body).toContain("500 new schools");
    // Another isolate retracts the claim: the same statements as the app's, straight into D1.
    await env.DB.batch([
      env.DB.prepare("update claims set state = 'retracted', public_note = 'Retracted: the ministry withdrew the figure.' where id = ?").bind(claim.id),
      env.DB.prepare("update articles set public_version = public_version + 1 where id = ?").bind(article.id),
    ]);
    now += 500;
    const early = await read(path);
    expect(early.trips).toBe("0");
    expect(early.body).not.toContain("the ministry withdrew the figure");
    // Past the interval, a reader still gets the page at once, and the check runs after the response.
    now += freshnessInterval;
    const checking = await read(path);
    expect(checking.body).not.toContain("the ministry withdrew the figure");
    const next = await read(path);
    expect(next.body).toContain("the ministry withdrew the figure");
    expect(next.trips).toBe("1");
    expect(now - 1_000_000).toBeLessThanOrEqual(2000);
  });

  it("checks D1 at most once a second, however many readers come", async () => {
    const { article } = await publishedArticle();
    const path = `/articles/${article.slug}`;
    await read(path);
    await env.DB.prepare("update public_state set version = version + 1").run();
    now += freshnessInterval;
    await read(path);
    // The check found a new version: the next reader renders (one trip), then readers are served from memory.
    expect((await read(path)).trips).toBe("1");
    for (let i = 0; i < 5; i++) {
      await env.DB.prepare("update public_state set version = version + 1").run();
      now += 100;
      expect((await read(path)).trips).toBe("0");
    }
  });

  for (const [change, apply, expected] of [
    ["a label change", () => env.DB.prepare("insert into rating_labels (key, en) values ('half-true', 'Half right')").run(), "Half right"],
    ["an article's title", () => env.DB.prepare("update articles set title = 'Minister promises 480 new schools'").run(), "Minister promises 480 new schools"],
    ["a claimant's name", () => env.DB.prepare("update claimants set name = 'The Education Minister'").run(), "The Education Minister"],
  ] as const) {
    it(`shows ${change} made elsewhere within two seconds`, async () => {
      const { article } = await publishedArticle();
      const path = `/articles/${article.slug}`;
      await read(path);
      await apply();
      now += freshnessInterval + 1;
      await read(path);
      expect((await read(path)).body).toContain(expected);
    });
  }

  it("a new search on a warm isolate finds what is public, and takes a label change made elsewhere within two seconds", async () => {
    await publishedArticle();
    // Cold: the results, the scale and the version in one batch; then every new query is a page of its own.
    const cold = await read("/search?q=schools");
    expect([cold.status, cold.trips]).toEqual([200, "1"]);
    expect(cold.body).toContain("Half true");
    const warm = await read("/search?q=minister");
    expect([warm.status, warm.trips]).toEqual([200, "1"]);
    expect(warm.body).toContain("500 new schools will open by 2026");
    expect(warm.body).toContain("Half true");
    await env.DB.prepare("insert into rating_labels (key, en) values ('half-true', 'Half right')").run();
    now += freshnessInterval + 1;
    await read("/search?q=schools");
    const after = await read("/search?q=lunches");
    expect(after.body).toContain("Half right");
    expect(after.body).not.toContain("Half true");
  });

  it("after a draft's autosave, once its own version check is back, serves public pages from memory again", async () => {
    const { article } = await publishedArticle();
    const page = `/articles/${article.slug}`;
    await read(page);
    expect((await read(page)).trips).toBe("0");
    const draft = await write(`/api/articles/${article.id}/claims`, { method: "POST", as: checker, body: { selector: selectorFor(article.text, "120 schools") } });
    expect(draft.status).toBe(201);
    for (const explanation of ["First words", "First words, then more"]) {
      const version = (await (await call(`/api/claims/${draft.body.claim.id}`, { as: checker })).json<{ claim: { version: number } }>()).claim.version;
      const saved = await write(`/api/claims/${draft.body.claim.id}`, { method: "PATCH", as: checker, body: { version, ratingKey: "false", explanation: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: explanation }] }] } } });
      expect(saved.status).toBe(200);
      // The clock has not moved: only the check that the write started can have made the page fresh again.
      const after = await read(page);
      expect([after.status, after.trips]).toEqual([200, "0"]);
    }
  });

  it("shows a publish, a correction and a revision made through this isolate to the very next reader", async () => {
    const article = await importArticle(text, checker);
    const home = await read("/");
    expect(home.body).not.toContain("500 new schools");
    const claim = await claimThrough(article, "500 new schools will open by 2026", "published", { checker, editor });
    expect((await read("/")).body).toContain("500 new schools");
    const corrected = await call(`/api/claims/${claim.id}/transitions`, { method: "POST", as: editor, body: { action: "correct", version: claim.version, reason: "The list shows 480.", ratingKey: "false" } });
    const held = (await corrected.json<{ claim: { version: number } }>()).claim;
    await call(`/api/claims/${claim.id}/transitions`, { method: "POST", as: editor2, body: { action: "approve_correction", version: held.version } });
    expect((await read(`/claims/${claim.id}`)).body).toContain("The list shows 480.");
    const current = await (await call(`/api/articles/${article.id}`, { as: checker })).json<{ article: { version: number } }>();
    const revised = await call(`/api/articles/${article.id}`, { method: "PUT", as: editor, body: { version: current.article.version, text: `${text}\n\nUpdate: the ministry published its list.` } });
    expect(revised.status).toBe(201);
    expect((await read(`/articles/${article.slug}`)).body).toContain("the ministry published its list");
  });
});

describe("claimant pages", { timeout: 60_000 }, () => {
  it("shows one page of a prolific claimant's fact-checks at a time, with the counts of all", async () => {
    const { claim } = await publishedArticle();
    const claimant = (await env.DB.prepare("select claimant_id as id from claims where id = ?").bind(claim.id).first<{ id: number }>())!.id;
    // 120 more public fact-checks of the same claimant, copied in SQL (the read path is what is tested here).
    await env.DB.prepare(
      `with recursive n(i) as (select 1 union all select i + 1 from n where i < 120)
       insert into claims (article_id, revision_id, state, exact, prefix, suffix, start, "end", rating_key, claimant_id, author_id, last_edited_by, published_at, updated_at)
       select article_id, revision_id, state, exact || ' #' || i, prefix, suffix, start, "end", case when i % 2 = 0 then 'false' else rating_key end, claimant_id, author_id, last_edited_by,
              printf('2026-01-01T00:00:%02d.%03dZ', i / 1000, i % 1000), updated_at
       from claims, n where claims.id = ?`,
    ).bind(claim.id).run();
    const first = await read(`/claimants/${claimant}`);
    expect(first.body.match(/href="\/claims\/\d+"/g)?.length).toBe(claimantPageSize);
    expect(first.body).toContain("Page 1 of 3");
    expect(first.body).toContain(`href="/claimants/${claimant}?page=2"`);
    expect(first.body).toMatch(/False<\/span>\s*60/);
    const last = await read(`/claimants/${claimant}?page=3`);
    expect(last.body.match(/href="\/claims\/\d+"/g)?.length).toBe(121 - 2 * claimantPageSize);
    expect(last.trips).toBe("1");
    expect((await read(`/claimants/${claimant}?page=0`)).status).toBe(400);
  });
});
