import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { call, json, sampleArticle, signInStaff, type Staff } from "./support";

let checker: Staff, checker2: Staff, editor: Staff;
let articleId: number;
let text: string;
const quote = "1,200 new computers reached rural schools";

/** The W3C selector pair for the first occurrence of `exact` in the article text. */
function selectorFor(exact: string, within = text) {
  const start = [...within.slice(0, within.indexOf(exact))].length;
  return [
    { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
    { type: "TextPositionSelector", start, end: start + [...exact].length },
  ];
}

const count = async (table: string) => (await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n;

async function createClaim(body: Record<string, unknown> = {}, as = checker) {
  return call(`/api/articles/${articleId}/claims`, { method: "POST", as, body: { selector: selectorFor(quote), ...body } });
}

beforeEach(async () => {
  ({ checker, checker2, editor } = await signInStaff());
  const created = await json(await call("/api/articles", { method: "POST", as: checker, body: { text: sampleArticle } }));
  articleId = created.article.id;
  text = (await json(await call(`/api/articles/${articleId}`, { as: checker }))).revision.text;
});

describe("claims API", () => {
  describe("POST /api/articles/:id/claims", () => {
    it("creates a draft claim with server-computed context, claimant, verdict and sources", async () => {
      const res = await createClaim({
        claimant: { name: "Ministry of Education", kind: "organization" },
        ratingKey: "unverifiable",
        sources: [{ url: "https://example.org/report", title: "Report", publisher: "Example", publishedAt: "2024-03-01", quote: "1,143 computers" }],
      });
      expect(res.status).toBe(201);
      const { claim } = await json(res);
      expect(claim).toMatchObject({
        exact: quote,
        // 32 code points of context on each side, as Hypothesis keeps.
        prefix: "he ministry said on Monday that ",
        suffix: " this year.\n\nCritics said the nu",
        state: "draft",
        version: 1,
        ratingKey: "unverifiable",
        claimant: { name: "Ministry of Education", kind: "organization" },
        authorId: checker.id,
      });
      expect(claim.sources).toHaveLength(1);
      expect(claim.sources[0].url).toBe("https://example.org/report");
      expect(await count("verdicts")).toBe(1);
    });

    it("returns the id of each new claim, not the previous one", async () => {
      const first = (await json(await createClaim())).claim;
      const second = (await json(await call(`/api/articles/${articleId}/claims`, { method: "POST", as: checker, body: { selector: selectorFor("no list of schools was published"), claimant: { name: "Critics" } } }))).claim;
      expect(second.id).toBeGreaterThan(first.id);
      expect(second.exact).toBe("no list of schools was published");
      expect(second.claimant.name).toBe("Critics");
    });

    it("reuses an existing claimant by name, whatever its case and spacing", async () => {
      await createClaim({ claimant: { name: "Ministry of Education" } });
      const { claim } = await json(await createClaim({ claimant: { name: "  ministry  of education " } }));
      expect(claim.claimant.name).toBe("Ministry of Education");
      expect(await count("claimants")).toBe(1);
    });

    it("counts positions in code points", async () => {
      const emoji = await json(await call("/api/articles", { method: "POST", as: checker, body: { text: "Emoji 🎉 news\n\nThe 🎉 party said 😀 5 million people voted." } }));
      const body = (await json(await call(`/api/articles/${emoji.article.id}`, { as: checker }))).revision.text;
      const res = await call(`/api/articles/${emoji.article.id}/claims`, { method: "POST", as: checker, body: { selector: selectorFor("5 million people voted", body) } });
      expect(res.status).toBe(201);
      // "The 🎉 party said 😀 " is 19 code points (21 UTF-16 units).
      expect((await json(res)).claim.start).toBe(19);
    });

    it("rejects a selector whose quote is not the text at its position, writing nothing", async () => {
      const wrong = selectorFor(quote);
      (wrong[1] as { start: number }).start += 1;
      (wrong[1] as { end: number }).end += 1;
      const res = await call(`/api/articles/${articleId}/claims`, { method: "POST", as: checker, body: { selector: wrong } });
      expect(res.status).toBe(400);
      const body = await json(res);
      expect(body.error.code).toBe("selector_mismatch");
      expect(body.error.details.expected).toBe(",200 new computers reached rural schools ");
      expect(await count("claims")).toBe(0);
      expect(await count("audit_events")).toBe(1);
    });

    it("rejects a selector past the end, a missing quote selector and an unknown rating", async () => {
      const past = [{ type: "TextQuoteSelector", exact: "x" }, { type: "TextPositionSelector", start: 10_000, end: 10_001 }];
      expect((await call(`/api/articles/${articleId}/claims`, { method: "POST", as: checker, body: { selector: past } })).status).toBe(400);
      const onlyPosition = [selectorFor(quote)[1], selectorFor(quote)[1]];
      expect((await call(`/api/articles/${articleId}/claims`, { method: "POST", as: checker, body: { selector: onlyPosition } })).status).toBe(400);
      expect((await createClaim({ ratingKey: "pants-on-fire" })).status).toBe(400);
      expect(await count("claims")).toBe(0);
    });

    it("rejects a javascript: source URL", async () => {
      const res = await createClaim({ sources: [{ url: "javascript:alert(1)" }] });
      expect(res.status).toBe(400);
      expect((await json(res)).error.details[0].path).toBe("sources.0.url");
    });

    it("answers 404 for an unknown article and 400 for an unknown claimant id", async () => {
      expect((await call(`/api/articles/9999/claims`, { method: "POST", as: checker, body: { selector: selectorFor(quote) } })).status).toBe(404);
      expect((await createClaim({ claimant: { id: 9999 } })).status).toBe(400);
    });
  });

  describe("GET /api/articles/:id/claims", () => {
    it("lists an article's claims in text order", async () => {
      await call(`/api/articles/${articleId}/claims`, { method: "POST", as: checker, body: { selector: selectorFor("no list of schools was published") } });
      await createClaim();
      const { items } = await json(await call(`/api/articles/${articleId}/claims`, { as: checker }));
      expect(items.map((c: { exact: string }) => c.exact)).toEqual([quote, "no list of schools was published"]);
    });

    it("answers 404 for an unknown article", async () => {
      expect((await call(`/api/articles/9999/claims`, { as: checker })).status).toBe(404);
    });

    it("counts each article's own claims in the article list", async () => {
      await createClaim();
      await call(`/api/articles/${articleId}/claims`, { method: "POST", as: checker, body: { selector: selectorFor("no list of schools was published") } });
      await call("/api/articles", { method: "POST", as: checker, body: { text: "Other\n\nAnother body." } });
      const { items } = await json(await call("/api/articles", { as: checker }));
      expect(items.map((a: { id: number; claimCount: number }) => [a.id === articleId, a.claimCount])).toEqual([[false, 0], [true, 2]]);
    });
  });

  describe("PATCH /api/claims/:id", () => {
    it("updates the verdict, replaces the sources and bumps the version", async () => {
      const { claim } = await json(await createClaim({ sources: [{ url: "https://a.example/1" }] }));
      const res = await call(`/api/claims/${claim.id}`, {
        method: "PATCH",
        as: checker,
        body: {
          version: 1,
          ratingKey: "false",
          explanation: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "No." }] }] },
          sources: [{ url: "https://b.example/2", title: "B" }, { url: "http://c.example/3" }],
        },
      });
      expect(res.status).toBe(200);
      const updated = (await json(res)).claim;
      expect(updated.version).toBe(2);
      expect(updated.ratingKey).toBe("false");
      expect(updated.sources.map((s: { url: string }) => s.url)).toEqual(["https://b.example/2", "http://c.example/3"]);
      expect(await count("verdicts")).toBe(1);
    });

    it("refuses a stale version with 409 and the current version, changing nothing", async () => {
      const { claim } = await json(await createClaim());
      await call(`/api/claims/${claim.id}`, { method: "PATCH", as: checker, body: { version: 1, ratingKey: "true" } });
      const res = await call(`/api/claims/${claim.id}`, { method: "PATCH", as: checker, body: { version: 1, ratingKey: "false" } });
      expect(res.status).toBe(409);
      expect((await json(res)).error.details.currentVersion).toBe(2);
      const { claim: current } = await json(await call(`/api/claims/${claim.id}`, { as: checker }));
      expect(current.ratingKey).toBe("true");
    });

    it("lets exactly one of 20 parallel updates at one version through, with one audit event", async () => {
      const { claim } = await json(await createClaim());
      const before = await count("audit_events");
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          call(`/api/claims/${claim.id}`, { method: "PATCH", as: checker, body: { version: 1, claimant: { name: `Claimant ${i}` } } }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      expect((await count("audit_events")) - before).toBe(1);
      const { claim: current } = await json(await call(`/api/claims/${claim.id}`, { as: checker }));
      expect(current.version).toBe(2);
      expect(await count("write_guards")).toBe(0);
    });

    it("forbids another checker from editing someone else's draft", async () => {
      const { claim } = await json(await createClaim());
      const res = await call(`/api/claims/${claim.id}`, { method: "PATCH", as: checker2, body: { version: 1, ratingKey: "true" } });
      expect(res.status).toBe(403);
      expect((await json(res)).error.message).toMatch(/wrote|assigned/);
    });

    it("answers 404 for an unknown claim and 400 without a version", async () => {
      expect((await call(`/api/claims/9999`, { method: "PATCH", as: checker, body: { version: 1 } })).status).toBe(404);
      const { claim } = await json(await createClaim());
      expect((await call(`/api/claims/${claim.id}`, { method: "PATCH", as: checker, body: { ratingKey: "true" } })).status).toBe(400);
    });
  });

  it("an editor can load the claim with the actions they may take", async () => {
    const { claim } = await json(await createClaim());
    const res = await json(await call(`/api/claims/${claim.id}`, { as: editor }));
    expect(res.actions.find((a: { action: string }) => a.action === "approve")).toMatchObject({ allowed: false });
  });
});
