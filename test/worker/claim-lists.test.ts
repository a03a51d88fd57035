import { beforeEach, describe, expect, it } from "vitest";
import { call, claimThrough, importArticle, json, signInStaff, type Staff } from "./support";

let checker: Staff, editor: Staff, editor2: Staff;
const words = Array.from({ length: 12 }, (_, i) => `claim number ${i + 1} said`);
const text = `Many claims\n\n${words.join(". ")}.`;

beforeEach(async () => {
  ({ checker, editor, editor2 } = await signInStaff());
});

describe("GET /api/claims: totals", () => {
  it("gives the list's total beside the page", async () => {
    const article = await importArticle(text, checker);
    for (const w of words) await claimThrough(article, w, "draft", { checker, editor });
    const page = await json(await call("/api/claims?state=draft&mine=authored&limit=5", { as: checker }));
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(12);
    const other = await json(await call("/api/claims?state=draft&mine=authored&limit=5", { as: editor }));
    expect(other.total).toBe(0);
    const byLanguage = await json(await call("/api/claims?state=draft&language=en&limit=1", { as: editor }));
    expect(byLanguage.total).toBe(12);
  });
});

describe("GET /api/claims/attention", () => {
  it("lists every flagged claim in full in one request, with the total and the confirm decision", async () => {
    const article = await importArticle(text, checker);
    const claims: { id: number }[] = [];
    for (const w of words.slice(0, 3)) claims.push(await claimThrough(article, w, "draft", { checker, editor }, { sources: [{ url: "https://stat.example/x", title: "Stats" }] }));
    await claimThrough(article, words[5]!, "published", { checker, editor: editor2 });
    const { article: current } = await json(await call(`/api/articles/${article.id}`, { as: editor }));
    const revised = await call(`/api/articles/${article.id}`, { method: "PUT", as: editor, body: { version: current.version, text: "Many claims\n\nSomething else entirely was said, and nothing of the rest." } });
    expect(revised.status).toBe(201);
    const list = await json(await call("/api/claims/attention?limit=2", { as: checker }));
    expect(list.total).toBe(4);
    expect(list.items).toHaveLength(2);
    for (const item of list.items) {
      expect(item.claim.anchorStatus).toBe("orphaned");
      expect(item.claim.article).toMatchObject({ id: article.id });
      expect(item.confirmAnchor).toHaveProperty("ok");
    }
    const first = list.items.find((i: { claim: { id: number } }) => i.claim.id === claims[0]!.id);
    expect(first.claim.sources.map((s: { url: string }) => s.url)).toEqual(["https://stat.example/x"]);
    const all = await json(await call("/api/claims/attention?limit=100", { as: editor }));
    expect(all.items.map((i: { claim: { id: number } }) => i.claim.id).sort()).toEqual((await json(await call("/api/claims?flagged=true&limit=100", { as: editor }))).items.map((c: { id: number }) => c.id).sort());
    expect((await call("/api/claims/attention")).status).toBe(401);
    expect((await call("/api/claims/attention?limit=1000", { as: editor })).status).toBe(400);
  });
});
