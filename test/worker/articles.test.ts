import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { call, json, sampleArticle, signInStaff, type Staff } from "./support";

let checker: Staff;

beforeEach(async () => {
  ({ checker } = await signInStaff());
});

const count = async (table: string) => (await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n;

describe("articles API", () => {
  describe("POST /api/articles", () => {
    it("imports an article, detecting title, date, language and source", async () => {
      const res = await call("/api/articles", { method: "POST", as: checker, body: { text: sampleArticle } });
      expect(res.status).toBe(201);
      const { status, article } = await json(res);
      expect(status).toBe("created");
      expect(article).toMatchObject({
        title: "Ministry Says Rural Schools Got 1,200 New Computers",
        publishedAt: "2024-03-05",
        language: "en",
        publisher: "example.org",
        sourceUrl: "https://www.example.org/",
        slug: "ministry-says-rural-schools-got-1-200-new-computers",
      });
      expect(await count("article_revisions")).toBe(1);
      expect(await count("audit_events")).toBe(1);
    });

    it("reports a re-wrapped copy of the same body as a duplicate and stores nothing", async () => {
      await call("/api/articles", { method: "POST", as: checker, body: { text: sampleArticle } });
      const rewrapped = sampleArticle.replace(/\n\n/g, "\n").replace("March 5, 2024\n", "");
      const res = await call("/api/articles", { method: "POST", as: checker, body: { text: rewrapped } });
      expect(res.status).toBe(200);
      expect((await json(res)).status).toBe("duplicate");
      expect(await count("articles")).toBe(1);
      expect(await count("article_revisions")).toBe(1);
    });

    it("detects Russian and gives it a transliterated slug", async () => {
      const text = "Выборы прошли спокойно\n\nПо данным комиссии, явка составила 54 процента, передает zakon.kz.";
      const { article } = await json(await call("/api/articles", { method: "POST", as: checker, body: { text } }));
      expect(article.language).toBe("ru");
      expect(article.slug).toBe("vybory-proshli-spokoino");
      expect(article.publisher).toBe("zakon.kz");
    });

    it("rejects malformed JSON with 400 and the error shape", async () => {
      const res = await call("/api/articles", { method: "POST", as: checker, body: "{not json" });
      expect(res.status).toBe(400);
      const body = await json(res);
      expect(body.error.code).toBeTypeOf("string");
      expect(body.error.message).toMatch(/JSON/i);
    });

    it("rejects missing text and a non-http source URL, writing nothing", async () => {
      const missing = await call("/api/articles", { method: "POST", as: checker, body: { title: "x" } });
      expect(missing.status).toBe(400);
      expect((await json(missing)).error.details[0].path).toBe("text");
      const js = await call("/api/articles", { method: "POST", as: checker, body: { text: "Body.", sourceUrl: "javascript:alert(1)" } });
      expect(js.status).toBe(400);
      expect(await count("articles")).toBe(0);
    });

    it("refuses a body over the size limit with 413", async () => {
      const res = await call("/api/articles", { method: "POST", as: checker, body: { text: "a".repeat(3 * 1024 * 1024) } });
      expect(res.status).toBe(413);
      expect(await count("articles")).toBe(0);
    });
  });

  describe("GET /api/articles", () => {
    it("pages through articles newest first and searches them", async () => {
      for (const n of [1, 2, 3]) {
        await call("/api/articles", { method: "POST", as: checker, body: { text: `Title ${n}\n\nBody number ${n} mentions ${n === 2 ? "миллионов" : "thousands"}.` } });
      }
      const page = await json(await call("/api/articles?limit=2", { as: checker }));
      expect(page.total).toBe(3);
      expect(page.items.map((a: { title: string }) => a.title)).toEqual(["Title 3", "Title 2"]);
      const next = await json(await call("/api/articles?limit=2&offset=2", { as: checker }));
      expect(next.items.map((a: { title: string }) => a.title)).toEqual(["Title 1"]);
      const found = await json(await call(`/api/articles?q=${encodeURIComponent("миллион")}`, { as: checker }));
      expect(found.items.map((a: { title: string }) => a.title)).toEqual(["Title 2"]);
    });

    it("rejects a bad page size with 400", async () => {
      expect((await call("/api/articles?limit=1000", { as: checker })).status).toBe(400);
    });
  });

  describe("GET /api/articles/:id", () => {
    it("returns the article with its current revision's text and Tiptap doc", async () => {
      const { article } = await json(await call("/api/articles", { method: "POST", as: checker, body: { text: sampleArticle } }));
      const res = await json(await call(`/api/articles/${article.id}`, { as: checker }));
      expect(res.revision.text).toBe(
        "The ministry said on Monday that 1,200 new computers reached rural schools this year.\n\nCritics said the number could not be checked, because no list of schools was published.",
      );
      expect(res.revision.doc.content).toHaveLength(2);
    });

    it("answers 404 for an unknown id and 400 for a non-numeric one", async () => {
      expect((await call("/api/articles/999", { as: checker })).status).toBe(404);
      expect((await call("/api/articles/abc", { as: checker })).status).toBe(400);
    });
  });
});
