import { beforeEach, describe, expect, it } from "vitest";
import { call, claimThrough, importArticle, json, signInStaff, type Staff } from "./support";

let checker: Staff, editor: Staff, editor2: Staff;

const text = [
  "Minister promises 500 new schools",
  "",
  "The minister said that 500 new schools will open by 2026, and that 9 миллионов tenge was spent on “free lunches”.",
  "",
  "Opposition deputies said only 120 schools were built last year. The minister said that 500 new schools will open.",
].join("\n");
const sourced = { claimant: { name: "The Minister", kind: "person" }, ratingKey: "mostly-false", sources: [{ url: "https://stat.example/schools", title: "School statistics <2024>" }] };

beforeEach(async () => {
  ({ checker, editor, editor2 } = await signInStaff());
});

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await call(path, { headers });
  return { res, html: await res.text() };
};

describe("public pages", () => {
  describe("GET /articles/:slug", () => {
    it("wraps each published claim's highlight exactly around its quote, with a text label", async () => {
      const article = await importArticle(text, checker);
      const claim = await claimThrough(article, "500 new schools will open by 2026", "published", { checker, editor }, sourced);
      const { res, html } = await page(`/articles/${article.slug}`);
      expect(res.status).toBe(200);
      const highlighted = [...html.matchAll(/<a href="#claim-(\d+)"[^>]*class="hl[^"]*"[^>]*><mark>([^<]*)<\/mark><\/a>/g)];
      expect(highlighted.map((m) => [Number(m[1]), m[2]])).toEqual([[claim.id, "500 new schools will open by 2026"]]);
      expect(html).toContain("The minister said that <a href=\"#claim-");
      expect(html).toMatch(/<\/mark><\/a><a href="#claim-\d+" class="verdict-tag[^"]*"[^>]*>Mostly false<\/a>, and that/);
      expect(html).toMatch(new RegExp(`id="claim-${claim.id}"`));
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('<article lang="en" class="article">');
    });

    it("highlights overlapping claims as separate runs, each claim labelled once", async () => {
      const article = await importArticle(text, checker);
      const a = await claimThrough(article, "500 new schools will open by 2026", "published", { checker, editor });
      const b = await claimThrough(article, "will open by 2026, and that 9 миллионов tenge", "published", { checker, editor });
      const { html } = await page(`/articles/${article.slug}`);
      const runs = [...html.matchAll(/data-claims="([\d ]+)"><mark>([^<]*)<\/mark>/g)].map((m) => [m[1], m[2]]);
      expect(runs).toEqual([
        [`${a.id}`, "500 new schools "],
        [`${a.id} ${b.id}`, "will open by 2026"],
        [`${b.id}`, ", and that 9 миллионов tenge"],
      ]);
    });

    it("escapes every user-supplied string and links sources with rel=nofollow noopener", async () => {
      const article = await importArticle("Title <b>bold</b>\n\nThe <script>alert(1)</script> minister said 5 things.", checker);
      await claimThrough(article, "minister said 5 things", "published", { checker, editor }, { ...sourced, claimant: { name: "<img src=x onerror=alert(1)>" } });
      const { html } = await page(`/articles/${article.slug}`);
      expect(html).not.toContain("<script>alert(1)");
      expect(html).not.toContain("<img src=x");
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).toContain('href="https://stat.example/schools" rel="nofollow noopener"');
      expect(html).toContain("School statistics &lt;2024&gt;");
    });

    it("shows no draft, in-review or approved claim, and no article without a public claim", async () => {
      const article = await importArticle(text, checker);
      await claimThrough(article, "500 new schools will open by 2026", "approved", { checker, editor });
      await claimThrough(article, "only 120 schools were built last year", "draft", { checker, editor });
      expect((await page(`/articles/${article.slug}`)).res.status).toBe(404);
      await claimThrough(article, "9 миллионов tenge", "published", { checker, editor });
      const { html } = await page(`/articles/${article.slug}`);
      expect(html).not.toContain("<mark>500 new schools");
      expect(html).not.toContain("<mark>only 120 schools");
      expect(html).toContain("<mark>9 миллионов tenge</mark>");
    });

    it("answers 304 to a matching ETag, and a publish changes the ETag", async () => {
      const article = await importArticle(text, checker);
      await claimThrough(article, "500 new schools will open by 2026", "published", { checker, editor });
      const first = await call(`/articles/${article.slug}`);
      const etag = first.headers.get("etag")!;
      expect(first.headers.get("cache-control")).toMatch(/stale-while-revalidate=\d+/);
      expect((await call(`/articles/${article.slug}`, { headers: { "if-none-match": etag } })).status).toBe(304);
      await claimThrough(article, "only 120 schools were built last year", "published", { checker, editor });
      const after = await call(`/articles/${article.slug}`, { headers: { "if-none-match": etag } });
      expect(after.status).toBe(200);
      expect(after.headers.get("etag")).not.toBe(etag);
      expect(await after.text()).toContain("<mark>only 120 schools were built last year</mark>");
    });

    it("speaks the reader's language from Accept-Language and ?lang=, remembering the choice", async () => {
      const article = await importArticle(text, checker);
      await claimThrough(article, "500 new schools will open by 2026", "published", { checker, editor }, sourced);
      const ru = await page(`/articles/${article.slug}`, { "accept-language": "ru-RU,ru;q=0.9,en;q=0.5" });
      expect(ru.html).toContain('<html lang="ru">');
      expect(ru.html).toContain("В основном ложь");
      const kk = await call(`/articles/${article.slug}?lang=kk`);
      expect(kk.headers.get("set-cookie")).toMatch(/^lang=kk/);
      expect(await kk.text()).toContain("Негізінен жалған");
    });
  });

  describe("GET /claims/:id", () => {
    it("shows a corrected claim with its reason in the public log, and no comments", async () => {
      const article = await importArticle(text, checker);
      const claim = await claimThrough(article, "500 new schools will open by 2026", "published", { checker, editor }, sourced);
      await call(`/api/claims/${claim.id}/comments`, { method: "POST", as: editor, body: { body: "internal: check with the ministry" } });
      await call(`/api/claims/${claim.id}/transitions`, { method: "POST", as: editor, body: { action: "correct", version: claim.version, reason: "The ministry later published its list." } });
      const { res, html } = await page(`/claims/${claim.id}`);
      expect(res.status).toBe(200);
      expect(html).toContain("The ministry later published its list.");
      expect(html).toMatch(/Published[\s\S]*Corrected/);
      expect(html).not.toContain("internal: check with the ministry");
    });

    it("is 404 for a draft", async () => {
      const article = await importArticle(text, checker);
      const draft = await claimThrough(article, "500 new schools will open by 2026", "draft", { checker, editor });
      expect((await page(`/claims/${draft.id}`)).res.status).toBe(404);
    });
  });

  describe("GET /claimants/:id", () => {
    it("groups a claimant's public fact-checks by verdict and leaves drafts out", async () => {
      const article = await importArticle(text, checker);
      const published = await claimThrough(article, "500 new schools will open by 2026", "published", { checker, editor }, sourced);
      await claimThrough(article, "only 120 schools were built last year", "draft", { checker, editor }, sourced);
      const { claim } = await json(await call(`/api/claims/${published.id}`, { as: editor }));
      const { html } = await page(`/claimants/${claim.claimant.id}`);
      expect(html).toContain("The Minister");
      expect(html).toContain("“500 new schools will open by 2026”");
      expect(html).not.toContain("only 120 schools");
    });
  });

  describe("GET /search", () => {
    it("finds published material by a Cyrillic word, and nothing unpublished", async () => {
      const ru = await importArticle("Питание для школьников\n\nБолее 2 миллионов школьников получат питание.", checker);
      await claimThrough(ru, "Более 2 миллионов школьников", "published", { checker, editor });
      await importArticle("Неопубликованная статья\n\nЕщё 5 миллионов рублей потрачено.", checker);
      const { html } = await page(`/search?q=${encodeURIComponent("миллионов")}`);
      expect(html).toContain(`/articles/${ru.slug}`);
      expect(html).not.toContain("Неопубликованная");
    });
  });

  describe("feeds", () => {
    it("lists only public fact-checks in the Atom feed and sitemap, and points robots at the sitemap", async () => {
      const article = await importArticle(text, checker);
      const published = await claimThrough(article, "500 new schools will open by 2026", "published", { checker, editor });
      const draft = await claimThrough(article, "only 120 schools were built last year", "draft", { checker, editor });
      const feed = await page("/feed.xml");
      expect(feed.res.headers.get("content-type")).toMatch(/application\/atom\+xml/);
      expect(feed.html).toContain(`/claims/${published.id}</id>`);
      expect(feed.html).not.toContain(`/claims/${draft.id}<`);
      // A sitemap index, then one file a block of 10,000 ids.
      const index = (await page("/sitemap.xml")).html;
      expect(index).toContain("<sitemapindex");
      const files = [...index.matchAll(/<loc>http:\/\/factline\.test(\/sitemaps\/[a-z]+-\d+\.xml)<\/loc>/g)].map((m) => m[1]);
      expect(files).toEqual(["/sitemaps/articles-0.xml", "/sitemaps/claims-0.xml"]);
      const sitemap = (await Promise.all(files.map(async (f) => (await page(f)).html))).join("");
      expect(sitemap).toContain(`/articles/${article.slug}</loc>`);
      expect(sitemap).toContain(`/claims/${published.id}</loc>`);
      expect(sitemap).not.toContain(`/claims/${draft.id}<`);
      expect((await page("/sitemaps/claims-7.xml")).res.status).toBe(404);
      expect((await page("/robots.txt")).html).toMatch(/Sitemap: http:\/\/factline\.test\/sitemap\.xml/);
    });
  });

  it("sends a CSP without inline scripts on every page", async () => {
    const res = await call("/");
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).not.toMatch(/<script(?![^>]*(type="application\/ld\+json"|src=))/);
  });

});

describe("D1 round trips per public page", () => {
  it("costs one round trip to render an article page and none to serve it again from memory", async () => {
    const article = await importArticle(text, checker);
    await claimThrough(article, "500 new schools will open by 2026", "published", { checker, editor }, sourced);
    const first = await call(`/articles/${article.slug}`);
    expect(first.headers.get("x-d1-round-trips")).toBe("1");
    const second = await call(`/articles/${article.slug}`);
    expect(second.headers.get("x-d1-round-trips")).toBe("0");
    const conditional = await call(`/articles/${article.slug}`, { headers: { "if-none-match": second.headers.get("etag")! } });
    expect(conditional.status).toBe(304);
    expect(conditional.headers.get("x-d1-round-trips")).toBe("0");
  });

  it("costs one round trip for a claim permalink", async () => {
    const article = await importArticle(text, checker);
    const claim = await claimThrough(article, "500 new schools will open by 2026", "published", { checker, editor }, sourced);
    expect((await call(`/claims/${claim.id}`)).headers.get("x-d1-round-trips")).toBe("1");
  });
});

describe("corrections", () => {
  it("a correction that changes the verdict shows old and new verdict with the reason, publicly", async () => {
    const article = await importArticle(text, checker);
    const claim = await claimThrough(article, "500 new schools will open by 2026", "published", { checker, editor }, sourced);
    const res = await call(`/api/claims/${claim.id}/transitions`, {
      method: "POST",
      as: editor,
      body: { action: "correct", version: claim.version, reason: "The ministry's list shows 480 schools.", ratingKey: "false" },
    });
    expect(res.status).toBe(200);
    const held = (await json(res)).claim;
    expect(held).toMatchObject({ state: "published", ratingKey: "mostly-false" });
    expect(await (await call(`/claims/${claim.id}`)).text()).not.toContain("480 schools");
    const approved = await call(`/api/claims/${claim.id}/transitions`, { method: "POST", as: editor2, body: { action: "approve_correction", version: held.version } });
    expect((await json(approved)).claim).toMatchObject({ state: "corrected", ratingKey: "false" });
    const html = await (await call(`/claims/${claim.id}`)).text();
    expect(html).toContain("Verdict changed from Mostly false to False");
    expect(html).toContain("The ministry's list shows 480 schools.");
  });

  it("refuses a verdict change riding on another transition", async () => {
    const article = await importArticle(text, checker);
    const claim = await claimThrough(article, "500 new schools will open by 2026", "approved", { checker, editor });
    const res = await call(`/api/claims/${claim.id}/transitions`, { method: "POST", as: editor, body: { action: "publish", version: claim.version, ratingKey: "true" } });
    expect(res.status).toBe(400);
  });
});
