import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { maxSourcesPerClaim } from "../../schema/inputs";
import { call, claimThrough, importArticle, json, selectorFor, signInStaff, type Staff } from "./support";

let checker: Staff, checker2: Staff, editor: Staff;

beforeEach(async () => {
  ({ checker, checker2, editor } = await signInStaff());
});

const count = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())!.n;
const post = (body: Record<string, unknown>, as = checker) => call("/api/articles", { method: "POST", as, body });
const textOf = async (articleId: number) => (await json(await call(`/api/articles/${articleId}`, { as: checker }))).revision.text as string;

describe("nothing typed or imported is silently lost", () => {
  describe("re-importing an older copy of an article", () => {
    const url = "https://news.example/budget-2024";
    const older = "Budget passes\n\nThe budget adds 300 clinics, the minister said.\n\nDeputies asked where the money comes from.";
    const newer = "Budget passes\n\nThe budget adds 280 clinics, the minister said.\n\nDeputies asked where the money comes from.";

    it("changes nothing when the text equals an earlier revision, and names that revision", async () => {
      const first = await json(await post({ text: older, sourceUrl: url }));
      expect((await json(await post({ text: newer, sourceUrl: url }))).revision.number).toBe(2);
      const article = { id: first.article.id as number, text: await textOf(first.article.id) };
      const claim = await claimThrough(article, "280 clinics", "published", { checker, editor });
      const before = await json(await call(`/api/claims/${claim.id}`, { as: editor }));

      const res = await post({ text: older, sourceUrl: url });
      expect(res.status).toBe(200);
      const result = await json(res);
      expect(result).toMatchObject({ status: "earlier_revision", article: { id: first.article.id }, revision: { number: 1 }, currentRevision: { number: 2 } });
      expect(await count("select count(*) as n from article_revisions")).toBe(2);
      expect(await textOf(first.article.id)).toContain("280 clinics");
      const after = await json(await call(`/api/claims/${claim.id}`, { as: editor }));
      expect(after.claim).toMatchObject({ version: before.claim.version, anchorStatus: "anchored", needsReview: false, exact: "280 clinics" });
    });

    it("recognises the earlier revision without the source URL, re-wrapped, and creates no article", async () => {
      const first = await json(await post({ text: older, sourceUrl: url }));
      await post({ text: newer, sourceUrl: url });
      const res = await post({ text: older.replace(/\n\n/g, "\n") });
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ status: "earlier_revision", article: { id: first.article.id }, revision: { number: 1 } });
      expect(await count("select count(*) as n from articles")).toBe(1);
    });

    it("still reports the current text as a duplicate, naming the current revision", async () => {
      const first = await json(await post({ text: older, sourceUrl: url }));
      await post({ text: newer, sourceUrl: url });
      const res = await post({ text: newer });
      expect(await json(res)).toMatchObject({ status: "duplicate", article: { id: first.article.id }, revision: { number: 2 } });
    });
  });

  describe("lines that look like a title, a date or a source", () => {
    it("keeps a title-like first line when the caller gave the title", async () => {
      const { article } = await json(await post({ title: "T", text: "Case probe\n\nBody." }));
      expect(article.title).toBe("T");
      expect(await textOf(article.id)).toBe("Case probe\n\nBody.");
    });

    it("keeps a date line when the caller gave the date, and a source line when the caller gave the source", async () => {
      const text = "Report says 12 bridges were repaired\n\nMarch 5, 2024\n\nThe mayor said 12 bridges were repaired.\n\nSource: www.example.org";
      const { article } = await json(await post({ text, publishedAt: "2024-03-06", sourceUrl: "https://city.example/bridges" }));
      expect(article).toMatchObject({ title: "Report says 12 bridges were repaired", publishedAt: "2024-03-06", sourceUrl: "https://city.example/bridges" });
      expect(await textOf(article.id)).toBe("March 5, 2024\n\nThe mayor said 12 bridges were repaired.\n\nSource: www.example.org");
    });

    it("stores a revision's text as sent, only normalising its paragraphs", async () => {
      const article = await importArticle("Bridges\n\nThe mayor said 12 bridges were repaired.", checker);
      const sent = "  Corrected headline line  \n\n\n\nMarch 7, 2024\nThe mayor said 11 bridges were repaired.\n\nSource: www.example.org\n";
      const res = await call(`/api/articles/${article.id}`, { method: "PUT", as: checker, body: { version: 1, text: sent } });
      expect(res.status).toBe(201);
      expect(await textOf(article.id)).toBe("Corrected headline line\n\nMarch 7, 2024\n\nThe mayor said 11 bridges were repaired.\n\nSource: www.example.org");
    });

    it("keeps a Markdown revision's first heading as text", async () => {
      const article = await importArticle("Bridges\n\nThe mayor said 12 bridges were repaired.", checker);
      await call(`/api/articles/${article.id}`, { method: "PUT", as: checker, body: { version: 1, format: "markdown", text: "# A heading\n\nThe mayor said **11** bridges were repaired." } });
      expect(await textOf(article.id)).toBe("A heading\n\nThe mayor said 11 bridges were repaired.");
    });
  });

  describe("a claim with many sources", () => {
    const long = (n: number, c = "x") => c.repeat(n);
    /** A source with every field filled to its limit. */
    const fullSource = (i: number) => ({
      url: `https://example.org/${String(i).padStart(3, "0")}/${long(2000)}`.slice(0, 2048),
      title: `Title ${i} ${long(490)}`.slice(0, 500),
      publisher: `Publisher ${i} ${long(190)}`.slice(0, 200),
      publishedAt: "2024-03-01",
      accessedAt: "2024-03-02T10:00:00Z",
      archivedUrl: `https://web.archive.example/${i}/${long(2020)}`.slice(0, 2048),
      quote: `Quote ${i} ${long(1990)}`.slice(0, 2000),
    });
    const sources = Array.from({ length: maxSourcesPerClaim }, (_, i) => fullSource(i));

    it(`stores ${maxSourcesPerClaim} sources with every field at its limit, in order, on create and on edit`, async () => {
      const article = await importArticle("Bridges\n\nThe mayor said 12 bridges were repaired.", checker);
      const created = await call(`/api/articles/${article.id}/claims`, { method: "POST", as: checker, body: { selector: selectorFor(article.text, "12 bridges"), sources } });
      expect(created.status).toBe(201);
      const { claim } = await json(created);
      expect(claim.sources.map(({ url, title, publisher, publishedAt, accessedAt, archivedUrl, quote }: Record<string, unknown>) => ({ url, title, publisher, publishedAt, accessedAt, archivedUrl, quote }))).toEqual(sources);

      const reversed = [...sources].reverse();
      const edited = await call(`/api/claims/${claim.id}`, { method: "PATCH", as: checker, body: { version: claim.version, sources: reversed } });
      expect(edited.status).toBe(200);
      expect((await json(edited)).claim.sources.map((s: { url: string }) => s.url)).toEqual(reversed.map((s) => s.url));
      expect(await count(`select count(*) as n from sources where claim_id = ${claim.id}`)).toBe(maxSourcesPerClaim);
    });

    it(`refuses ${maxSourcesPerClaim + 1} sources with a 400 that states the limit, writing nothing`, async () => {
      const article = await importArticle("Bridges\n\nThe mayor said 12 bridges were repaired.", checker);
      const res = await call(`/api/articles/${article.id}/claims`, {
        method: "POST",
        as: checker,
        body: { selector: selectorFor(article.text, "12 bridges"), sources: [...sources, fullSource(99)] },
      });
      expect(res.status).toBe(400);
      expect((await json(res)).error.details[0]).toMatchObject({ path: "sources", message: `A claim has at most ${maxSourcesPerClaim} sources.` });
      expect(await count("select count(*) as n from claims")).toBe(0);
    });
  });

  describe("DELETE /api/claims/:id", () => {
    it("deletes a draft only at the version the client saw: 409 after someone else's edit, nothing deleted", async () => {
      const article = await importArticle("Bridges\n\nThe mayor said 12 bridges were repaired.", checker);
      const draft = await claimThrough(article, "12 bridges", "draft", { checker, editor });
      await call(`/api/claims/${draft.id}`, { method: "PATCH", as: editor, body: { version: draft.version, sources: [{ url: "https://city.example/report" }] } });

      const stale = await call(`/api/claims/${draft.id}`, { method: "DELETE", as: checker, body: { version: draft.version } });
      expect(stale.status).toBe(409);
      expect((await json(stale)).error).toMatchObject({ code: "stale_version", details: { currentVersion: draft.version + 1 } });
      expect(await count(`select count(*) as n from sources where claim_id = ${draft.id}`)).toBe(1);

      const current = await call(`/api/claims/${draft.id}`, { method: "DELETE", as: checker, body: { version: draft.version + 1 } });
      expect(current.status).toBe(204);
      expect(await count(`select count(*) as n from claims where id = ${draft.id}`)).toBe(0);
    });

    it("answers 400 without a version, and says why another checker may not delete", async () => {
      const article = await importArticle("Bridges\n\nThe mayor said 12 bridges were repaired.", checker);
      const draft = await claimThrough(article, "12 bridges", "draft", { checker, editor });
      const missing = await call(`/api/claims/${draft.id}`, { method: "DELETE", as: checker });
      expect(missing.status).toBe(400);
      const other = await call(`/api/claims/${draft.id}`, { method: "DELETE", as: checker2, body: { version: draft.version } });
      expect(other.status).toBe(403);
      expect((await json(other)).error.message).toMatch(/own drafts/);
      expect(await count(`select count(*) as n from claims where id = ${draft.id}`)).toBe(1);
    });

    it("keeps what the deleted draft held in its audit event: sources, comments and verdicts", async () => {
      const article = await importArticle("Bridges\n\nThe mayor said 12 bridges were repaired.", checker);
      const draft = await claimThrough(article, "12 bridges", "draft", { checker, editor }, { sources: [{ url: "https://city.example/report" }] });
      await call(`/api/claims/${draft.id}/comments`, { method: "POST", as: editor, body: { body: "Ask the city for its list." } });
      expect((await call(`/api/claims/${draft.id}`, { method: "DELETE", as: checker, body: { version: draft.version } })).status).toBe(204);
      const event = await env.DB.prepare("select before from audit_events where action = 'claim.delete'").first<{ before: string }>();
      const before = JSON.parse(event!.before);
      expect(before.sources.map((s: { url: string }) => s.url)).toEqual(["https://city.example/report"]);
      expect(before.comments.map((c: { body: string }) => c.body)).toEqual(["Ask the city for its list."]);
      expect(before.verdicts.map((v: { ratingKey: string }) => v.ratingKey)).toEqual(["half-true"]);
    });
  });
});

describe("a claim's public history", () => {
  it("starts at its first publication: nothing from before is public", async () => {
    const text = "Bridges\n\nThe mayor said 12 bridges were repaired.\n\nThe council said the rest wait for 2025.";
    const article = await importArticle(text, checker);
    const draft = await claimThrough(article, "12 bridges were repaired", "draft", { checker, editor });
    // A correction of the article before publication moves the draft: an audit event, but not a public one.
    const moved = await call(`/api/articles/${article.id}`, { method: "PUT", as: checker, body: { version: 1, text: `A line added on top.\n\n${text.split("\n\n").slice(1).join("\n\n")}` } });
    expect((await json(moved)).claims[0].anchor.status).toBe("moved");
    let { claim } = await json(await call(`/api/claims/${draft.id}`, { as: checker }));
    for (const [action, as] of [["submit", checker], ["approve", editor], ["publish", editor]] as const) {
      ({ claim } = await json(await call(`/api/claims/${draft.id}/transitions`, { method: "POST", as, body: { action, version: claim.version } })));
    }
    expect(claim.state).toBe("published");
    const html = await (await call(`/claims/${draft.id}`)).text();
    const log = /<ol class="log">([\s\S]*?)<\/ol>/.exec(html)![1];
    expect(log.match(/<li>/g)).toHaveLength(1);
    expect(log).toContain("Published");
  });
});
