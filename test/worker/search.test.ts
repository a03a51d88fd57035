import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { claimSearchPage } from "../../worker/queries/search";
import { call, claimThrough, db, importArticle, json, signInStaff, type Staff } from "./support";

let checker: Staff, editor: Staff;

beforeEach(async () => {
  ({ checker, editor } = await signInStaff());
});

const explanation = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const search = async (query: Record<string, string>, as: Staff | null = editor) => {
  const res = await call(`/api/search?${new URLSearchParams(query)}`, { as });
  return { status: res.status, body: await json(res) };
};
const ids = (body: { items: { id: number }[] }) => body.items.map((i) => i.id);
const snippetText = (item: { snippet: { text: string }[] }) => item.snippet.map((p) => p.text).join("");
const hits = (item: { snippet: { text: string; hit: boolean }[] }) => item.snippet.filter((p) => p.hit).map((p) => p.text);

const ruText = ["Школы и студенты", "", "Министр заявил, что более 60 тысяч студентов ежегодно уезжают учиться за рубеж.", "", "По данным ведомства, в Алматы построят 7 тысяч квартир. Ёлки тоже посадят."].join("\n");
const kkText = ["Қазақстандағы мектептер", "", "Министрдің айтуынша, биыл Қазақстанның ауылдарында 500 мектеп салынады.", "", "Оппозиция бұл сандарды тексеруге болмайтынын айтты."].join("\n");
const enText = ["Minister promises new schools", "", "The minister said that 500 new schools will open by 2026.", "", "Opposition deputies said only 120 schools were repaired last year."].join("\n");

describe("GET /api/search", () => {
  it("finds Russian claims by an inflected word, a ё spelled е, the claimant and the explanation, with hits marked", async () => {
    const article = await importArticle(ruText, checker);
    const claim = await claimThrough(article, "более 60 тысяч студентов ежегодно уезжают учиться за рубеж", "draft", { checker, editor }, {
      claimant: { name: "Асель Жумабаева", kind: "person" },
      explanation: explanation("Статистика министерства образования показывает другие цифры."),
    });
    const other = await claimThrough(article, "Ёлки тоже посадят", "draft", { checker, editor });

    // "студенты" is not in the quote ("студентов"): the stem's prefix finds it.
    const byStem = (await search({ q: "студенты" })).body;
    expect(ids(byStem)).toEqual([claim.id]);
    expect(hits(byStem.items[0])).toEqual(["студентов"]);
    expect(ids((await search({ q: "елки" })).body)).toEqual([other.id]);
    expect(ids((await search({ q: "ЁЛКИ" })).body)).toEqual([other.id]);
    expect(ids((await search({ q: "жумабаева" })).body)).toEqual([claim.id]);
    // A soft hyphen inside a word (as copy-pasted from a typeset page) does not split it.
    const hyphenated = await importArticle(["Заголовок", "", "Депутаты обсуждали мини\u00adстерство весь день."].join("\n"), checker);
    expect(ids((await search({ q: "министерство", kind: "articles" })).body)).toEqual([hyphenated.id]);
    expect(ids((await search({ q: "Ёлки", kind: "articles" })).body)).toEqual([article.id]);
    const byExplanation = (await search({ q: "статистику министерства" })).body;
    expect(ids(byExplanation)).toEqual([claim.id]);
    expect(snippetText(byExplanation.items[0])).toContain("Статистика министерства образования");
  });

  it("finds Kazakh claims and articles by Kazakh letters in either case, and keeps ө, қ and і apart from о, к and и", async () => {
    const article = await importArticle(kkText, checker);
    const claim = await claimThrough(article, "биыл Қазақстанның ауылдарында 500 мектеп салынады", "draft", { checker, editor });
    expect(ids((await search({ q: "ҚАЗАҚСТАН" })).body)).toEqual([claim.id]);
    expect(ids((await search({ q: "ауылдар", language: "kk" })).body)).toEqual([claim.id]);
    expect(ids((await search({ q: "казакстан" })).body)).toEqual([]);
    const articlesFound = (await search({ q: "тексеруге", kind: "articles" })).body;
    expect(ids(articlesFound)).toEqual([article.id]);
    expect(hits(articlesFound.items[0])).toEqual(["тексеруге"]);
  });

  it("filters by verdict, state, claimant, language and date, and pages with an opaque cursor", async () => {
    const en = await importArticle(enText, checker);
    const ru = await importArticle(ruText, checker);
    const published = await claimThrough(en, "500 new schools will open by 2026", "published", { checker, editor }, { ratingKey: "false", claimant: { name: "The Minister", kind: "person" } });
    const review = await claimThrough(en, "only 120 schools were repaired last year", "in_review", { checker, editor }, { ratingKey: "true" });
    const draft = await claimThrough(ru, "7 тысяч квартир", "draft", { checker, editor }, { explanation: explanation("Schools were not counted.") });
    const all = [draft.id, review.id, published.id];

    expect(ids((await search({ q: "schools" })).body)).toEqual(all);
    expect(ids((await search({ q: "schools", rating: "false" })).body)).toEqual([published.id]);
    expect(ids((await search({ q: "schools", state: "draft,in_review" })).body)).toEqual([draft.id, review.id]);
    const { claim } = await json(await call(`/api/claims/${published.id}`, { as: editor }));
    expect(ids((await search({ q: "schools", claimant: String(claim.claimant.id) })).body)).toEqual([published.id]);
    expect(ids((await search({ q: "schools", language: "ru" })).body)).toEqual([draft.id]);
    const today = new Date().toISOString().slice(0, 10);
    expect(ids((await search({ q: "schools", from: today, to: today })).body)).toEqual(all);
    expect(ids((await search({ q: "schools", to: "2000-01-01" })).body)).toEqual([]);

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: number }[]; next: string | null } } = await search({ q: "schools", limit: "2", ...(cursor ? { cursor } : {}) });
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.body));
      cursor = page.body.next;
      if (cursor) expect(cursor).not.toMatch(/\d{2,}/); // opaque, not a bare id
    } while (cursor);
    expect(seen).toEqual(all);

    const bad = await search({ q: "schools", cursor: "not-a-cursor" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_cursor");
    expect((await search({ q: "schools", from: "yesterday" })).status).toBe(400);
    expect((await search({ q: "" })).status).toBe(400);
  });

  it("returns snippets as text pieces, so markup in a quote stays text, and treats FTS syntax as words", async () => {
    const article = await importArticle(["Tags", "", "He wrote <script>alert(1)</script> under the 500 schools post, then NEAR(a b) OR x."].join("\n"), checker);
    await claimThrough(article, "<script>alert(1)</script> under the 500 schools post", "draft", { checker, editor });
    const { body } = await search({ q: "alert" });
    expect(snippetText(body.items[0])).toContain("<script>alert(1)</script>");
    expect(hits(body.items[0])).toEqual(["alert"]);
    for (const q of ['NEAR(a b) OR', '"unclosed', "*", "schools -post", "a:b"]) expect((await search({ q })).status).toBe(200);
  });

  it("keeps the index in step when a claim's quote, explanation or claimant changes, and when it is deleted", async () => {
    const article = await importArticle(enText, checker);
    const claim = await claimThrough(article, "500 new schools will open by 2026", "draft", { checker, editor }, { claimant: { name: "Aigerim", kind: "person" } });
    const res = await call(`/api/claims/${claim.id}`, { method: "PATCH", as: checker, body: { version: claim.version, explanation: explanation("Budget documents disagree.") } });
    expect(res.status).toBe(200);
    expect(ids((await search({ q: "budget" })).body)).toEqual([claim.id]);
    await env.DB.prepare("update claimants set name = 'Aigerim Nurlanovna' where name = 'Aigerim'").run();
    expect(ids((await search({ q: "nurlanovna" })).body)).toEqual([claim.id]);
    const { claim: current } = await json(await call(`/api/claims/${claim.id}`, { as: checker }));
    expect((await call(`/api/claims/${claim.id}`, { method: "DELETE", as: checker, body: { version: current.version } })).status).toBe(204);
    expect(ids((await search({ q: "budget" })).body)).toEqual([]);
    expect((await env.DB.prepare("select count(*) n from claim_search").first())!.n).toBe(0);
  });

  it("walks the claims' full-text index first, newest first, with or without filters, and never sorts", async () => {
    const filters = [{}, { rating: "false", claimant: 1, language: "en", from: "2026-01-01", to: "2026-12-31", state: ["draft", "published"] }];
    for (const options of filters) {
      for (const audience of ["staff", "public"] as const) {
        const statement = claimSearchPage(db(), '"schools"*', { limit: 20, ...options }, audience);
        const plan = (await env.DB.prepare(`explain query plan ${statement.sql}`).bind(...statement.params).all<{ detail: string }>()).results.map((r) => r.detail);
        expect(plan[0]).toMatch(/^SCAN claim_search VIRTUAL TABLE INDEX/);
        expect(plan.join("\n")).not.toMatch(/TEMP B-TREE|claims_state_idx/);
      }
    }
  });

  it("is for staff only", async () => {
    expect((await search({ q: "schools" }, null)).status).toBe(401);
  });
});

describe("GET /search (public)", () => {
  it("shows published, corrected and retracted fact-checks, and never drafts, claims in review or approved ones", async () => {
    const en = await importArticle(enText, checker);
    const published = await claimThrough(en, "500 new schools will open by 2026", "published", { checker, editor }, { explanation: explanation("Schools budget <b>cut</b>.") });
    await claimThrough(en, "only 120 schools were repaired last year", "approved", { checker, editor });
    const ru = await importArticle(ruText, checker);
    await claimThrough(ru, "7 тысяч квартир", "draft", { checker, editor }, { explanation: explanation("schools draft-only-word") });
    const draftOnly = await importArticle(["Drafted schools article", "", "Secret schools plan is here."].join("\n"), checker);
    await claimThrough(draftOnly, "Secret schools plan", "in_review", { checker, editor });

    const res = await call("/search?q=schools");
    // Fact-checks, articles and the scale's wording in one batch: one D1 round trip.
    expect(res.headers.get("x-d1-round-trips")).toBe("1");
    const html = await res.text();
    expect(html).toContain(`href="/claims/${published.id}"`);
    expect(html).not.toContain("only 120 schools");
    expect(html).not.toContain("7 тысяч");
    expect(html).not.toContain("Secret schools");
    expect(html).not.toContain("Drafted schools article");
    expect(html).toContain(`href="/articles/${en.slug}"`);
    expect(html).not.toContain(`href="/articles/${ru.slug}"`);
    // The explanation's words are found, its markup-looking text escaped, the hit marked.
    const byExplanation = await (await call("/search?q=budget")).text();
    expect(byExplanation).toContain("<mark>budget</mark> &lt;b&gt;cut&lt;/b&gt;");
    expect(await (await call("/search?q=draft-only-word")).text()).not.toContain("/claims/");
    // Asking for a state the public may not see is refused, not answered.
    expect((await call("/search?q=schools&state=draft")).status).toBe(400);
  });

  it("answers a search it cannot run with an HTML 400 page in the site layout and the reader's language, with the search form", async () => {
    const badDate = await call("/search?q=schools&from=yesterday", { headers: { "accept-language": "ru" } });
    expect(badDate.status).toBe(400);
    expect(badDate.headers.get("content-type")).toMatch(/^text\/html/);
    const ru = await badDate.text();
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain("Этот поиск выполнить не удалось");
    expect(ru).toContain("Даты записываются так: 2026-12-02.");
    expect(ru).toMatch(/<form[^>]*action="\/search"[^>]*role="search"/);
    expect(ru).toContain('name="q" type="search" value="schools"');
    expect(ru).toContain('href="/methodology"');

    const badState = await call("/search?q=schools&state=draft&lang=kk");
    expect(badState.status).toBe(400);
    const kk = await badState.text();
    expect(kk).toContain('<html lang="kk">');
    expect(kk).toContain("Бұл іздеуді орындау мүмкін болмады");
    expect(kk).toContain("Тек жарияланған, түзетілген және қайтарылған тексерулерден іздеуге болады.");

    // A "more" link whose cursor is not ours, and a filter of the wrong type; the reader's words are escaped.
    const badCursor = await call(`/search?q=${encodeURIComponent('<b>"x"')}&kind=claims&cursor=not-a-cursor`);
    expect(badCursor.status).toBe(400);
    const en = await badCursor.text();
    expect(en).toContain("This search could not be run");
    expect(en).toContain("This page link is no longer valid: start the search again.");
    expect(en).toContain('value="&lt;b&gt;&quot;x&quot;"');
    const badClaimant = await call("/search?q=x&claimant=someone&limit=500");
    expect(badClaimant.status).toBe(400);
    expect(await badClaimant.text()).toContain("One of the filters is not valid, so nothing was searched.");

    // The staff API keeps its JSON errors.
    const api = await search({ q: "schools", from: "yesterday" });
    expect(api.status).toBe(400);
    expect(api.body.error.code).toBe("invalid_input");
  });

  it("pages through public fact-checks with a 'more' link, and filters by language", async () => {
    const ru = await importArticle(ruText, checker);
    const first = await claimThrough(ru, "более 60 тысяч студентов", "published", { checker, editor });
    const second = await claimThrough(ru, "7 тысяч квартир", "published", { checker, editor });
    const page1 = await (await call(`/search?q=${encodeURIComponent("тысяч")}&limit=1`)).text();
    expect(page1).toContain(`href="/claims/${second.id}"`);
    expect(page1).not.toContain(`href="/claims/${first.id}"`);
    const more = page1.match(/href="(\/search\?[^"]*kind=claims[^"]*)"/)![1].replaceAll("&amp;", "&");
    const page2 = await (await call(more)).text();
    expect(page2).toContain(`href="/claims/${first.id}"`);
    expect(page2).not.toContain(`href="/claims/${second.id}"`);
    expect(await (await call(`/search?q=${encodeURIComponent("тысяч")}&language=en`)).text()).not.toContain("/claims/");
  });
});
