import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { call, claimThrough, importArticle, json, selectorFor, signInStaff, type Staff } from "./support";

let checker: Staff, editor: Staff, editor2: Staff;

const paragraphs = [
  "The minister said that 500 new schools will open by 2026.",
  "Opposition deputies said only 120 schools were built last year, citing a transpofmer shortage.",
  "Teachers' unions asked for 3,000 new posts.",
];
const original = ["Schools promise", "", ...paragraphs.flatMap((p) => [p, ""])].join("\n");
const revise = (articleId: number, text: string, version = 1, as = checker) => call(`/api/articles/${articleId}`, { method: "PUT", as, body: { version, text } });
const body = (ps: string[]) => ps.join("\n\n");

beforeEach(async () => {
  ({ checker, editor, editor2 } = await signInStaff());
});

describe("article revisions", () => {
  describe("PUT /api/articles/:id", () => {
    it("creates a revision and moves a claim after an inserted paragraph, returning each claim's anchor", async () => {
      const article = await importArticle(original, checker);
      const claim = await claimThrough(article, "only 120 schools were built last year", "draft", { checker, editor });
      const res = await revise(article.id, body(["A new first paragraph, added in a correction.", ...paragraphs]));
      expect(res.status).toBe(201);
      const result = await json(res);
      expect(result.revision.number).toBe(2);
      const inserted = [..."A new first paragraph, added in a correction.\n\n"].length;
      expect(result.claims).toEqual([
        { id: claim.id, anchor: { status: "moved", confidence: expect.any(Number), selector: expect.objectContaining({ exact: "only 120 schools were built last year" }) } },
      ]);
      const { claim: stored } = await json(await call(`/api/claims/${claim.id}`, { as: checker }));
      const before = selectorFor(article.text, "only 120 schools were built last year")[1] as { start: number };
      expect(stored.start).toBe(before.start + inserted);
      expect(stored.anchorStatus).toBe("moved");
      const { revision } = await json(await call(`/api/articles/${article.id}`, { as: checker }));
      expect(revision.number).toBe(2);
    });

    it("flags a published claim whose quote was corrected as changed, for the editors, and never places it", async () => {
      const article = await importArticle(original, checker);
      const claim = await claimThrough(article, "citing a transpofmer shortage", "published", { checker, editor });
      // Only editors replace the text of an article with public claims.
      const result = await json(await revise(article.id, body([paragraphs[0], paragraphs[1].replace("transpofmer", "transformer"), paragraphs[2]]), 1, editor));
      const anchor = result.claims[0].anchor;
      expect(anchor.status).toBe("changed");
      expect(anchor.selector.exact).toBe("citing a transformer shortage");
      const { claim: stored } = await json(await call(`/api/claims/${claim.id}`, { as: editor }));
      expect(stored).toMatchObject({ anchorStatus: "changed", needsReview: true, exact: "citing a transpofmer shortage", state: "published" });
      expect(stored.anchorSuggestion.exact).toBe("citing a transformer shortage");
      const flagged = await json(await call("/api/claims?flagged=true", { as: editor }));
      expect(flagged.items.map((c: { id: number }) => c.id)).toEqual([claim.id]);

      const page = await (await call(`/articles/${article.slug}`)).text();
      expect(page).not.toContain("<mark>citing a");
      expect(page).toMatch(/The article was changed on \d{4}-\d\d-\d\d, after this fact-check/);
    });

    it("orphans a claim whose sentence was deleted", async () => {
      const article = await importArticle(original, checker);
      await claimThrough(article, "Teachers' unions asked for 3,000 new posts.", "draft", { checker, editor });
      const result = await json(await revise(article.id, body(paragraphs.slice(0, 2))));
      expect(result.claims[0].anchor).toEqual({ status: "orphaned", confidence: 0, selector: null });
    });

    it("refuses a stale version with 409, and a body with both text and doc with 400, writing nothing", async () => {
      const article = await importArticle(original, checker);
      expect((await revise(article.id, body(paragraphs.slice(1)), 7)).status).toBe(409);
      const both = await call(`/api/articles/${article.id}`, { method: "PUT", as: checker, body: { version: 1, text: "x", doc: { type: "doc", content: [] } } });
      expect(both.status).toBe(400);
      expect((await env.DB.prepare("select count(*) as n from article_revisions").first<{ n: number }>())!.n).toBe(1);
    });

    it("accepts a Tiptap document, and answers 200 with no new revision when nothing changed", async () => {
      const article = await importArticle(original, checker);
      const doc = { type: "doc", content: paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })) };
      const same = await call(`/api/articles/${article.id}`, { method: "PUT", as: checker, body: { version: 1, doc } });
      expect(same.status).toBe(200);
      expect((await json(same)).unchanged).toBe(true);
    });
  });

  describe("re-importing the same source URL", () => {
    it("adds a revision to the article instead of creating another", async () => {
      const first = await json(await call("/api/articles", { method: "POST", as: checker, body: { text: original, sourceUrl: "https://news.example/schools-2024" } }));
      const again = await call("/api/articles", { method: "POST", as: checker, body: { text: original.replace("500", "450"), sourceUrl: "http://www.news.example/schools-2024/" } });
      expect(again.status).toBe(201);
      const result = await json(again);
      expect(result.status).toBe("revised");
      expect(result.article.id).toBe(first.article.id);
      expect(result.revision.number).toBe(2);
    });
  });

  describe("revision history", () => {
    it("lists revisions and shows a word diff between them", async () => {
      const article = await importArticle(original, checker);
      await revise(article.id, body([paragraphs[0].replace("500", "450"), ...paragraphs.slice(1)]));
      const { items } = await json(await call(`/api/articles/${article.id}/revisions`, { as: checker }));
      expect(items.map((r: { number: number }) => r.number)).toEqual([2, 1]);
      const diff = await json(await call(`/api/articles/${article.id}/revisions/2/diff`, { as: checker }));
      expect(diff.parts.filter((p: { op: string }) => p.op !== "equal")).toEqual([
        { op: "delete", text: "500" },
        { op: "insert", text: "450" },
      ]);
      expect((await call(`/api/articles/${article.id}/revisions/9`, { as: checker })).status).toBe(404);
    });
  });

  describe("POST /api/claims/:id/anchor", () => {
    it("lets an editor propose a place for a changed published claim, and a second editor confirm it, which is highlighted again", async () => {
      const article = await importArticle(original, checker);
      const claim = await claimThrough(article, "citing a transpofmer shortage", "published", { checker, editor });
      const fixed = body([paragraphs[0], paragraphs[1].replace("transpofmer", "transformer"), paragraphs[2]]);
      await revise(article.id, fixed, 1, editor);
      const { claim: flagged } = await json(await call(`/api/claims/${claim.id}`, { as: editor }));
      const selector = selectorFor(fixed, "citing a transformer shortage");
      expect((await call(`/api/claims/${claim.id}/anchor`, { method: "POST", as: checker, body: { version: flagged.version, selector } })).status).toBe(403);
      const res = await call(`/api/claims/${claim.id}/anchor`, { method: "POST", as: editor, body: { version: flagged.version, selector } });
      expect(res.status).toBe(200);
      const proposed = (await json(res)).claim;
      expect(proposed).toMatchObject({ anchorStatus: "changed", needsReview: true, anchorProposal: { exact: "citing a transformer shortage", proposedBy: editor.id } });
      expect(await (await call(`/articles/${article.slug}`)).text()).not.toContain("<mark>citing a transformer shortage</mark>");
      const confirmed = await call(`/api/claims/${claim.id}/anchor/confirm`, { method: "POST", as: editor2, body: { version: proposed.version } });
      expect(confirmed.status).toBe(200);
      expect((await json(confirmed)).claim).toMatchObject({ anchorStatus: "anchored", anchorConfidence: 1, needsReview: false, exact: "citing a transformer shortage", anchorSuggestion: null, anchorProposal: null });
      expect(await (await call(`/articles/${article.slug}`)).text()).toContain("<mark>citing a transformer shortage</mark>");
    });

    it("rejects a selector that does not quote the current revision", async () => {
      const article = await importArticle(original, checker);
      const claim = await claimThrough(article, "citing a transpofmer shortage", "draft", { checker, editor });
      const wrong = [{ type: "TextQuoteSelector", exact: "nonsense" }, { type: "TextPositionSelector", start: 0, end: 8 }];
      const res = await call(`/api/claims/${claim.id}/anchor`, { method: "POST", as: checker, body: { version: 1, selector: wrong } });
      expect(res.status).toBe(400);
    });
  });
});
