/** Guards that hold under pressure: workflow rules at their edges, a claim created during a revision, and nothing unpublished leaving through public exports. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { call, claimThrough, importArticle, json, selectorFor, signInStaff, type Staff } from "./support";

let checker: Staff, editor: Staff, editor2: Staff;
const text = "Budget\n\nThe minister said 500 new schools will open. Critics said only 120 were built.";

beforeEach(async () => {
  ({ checker, editor, editor2 } = await signInStaff());
});

const transition = (id: number, as: Staff, body: Record<string, unknown>) => call(`/api/claims/${id}/transitions`, { method: "POST", as, body });

describe("workflow guards", () => {
  it("refuses to approve a claim without a verdict", async () => {
    const article = await importArticle(text, checker);
    const claim = await claimThrough(article, "500 new schools will open", "in_review", { checker, editor }, { ratingKey: null });
    const res = await transition(claim.id, editor, { action: "approve", version: claim.version });
    expect(res.status).toBe(409);
    expect((await json(res)).error.message).toMatch(/verdict/);
  });

  it("refuses to publish an approved claim whose quote a revision removed, until a person places it", async () => {
    const article = await importArticle(text, checker);
    const claim = await claimThrough(article, "only 120 were built", "approved", { checker, editor });
    const revised = await call(`/api/articles/${article.id}`, { method: "PUT", as: checker, body: { version: 1, text: "The minister said 500 new schools will open." } });
    expect((await json(revised)).claims[0].anchor.status).toBe("orphaned");
    const { claim: current } = await json(await call(`/api/claims/${claim.id}`, { as: editor2 }));
    expect(current.version).toBe(claim.version + 1);
    const res = await transition(claim.id, editor2, { action: "publish", version: current.version });
    expect(res.status).toBe(409);
    expect((await json(res)).error.message).toMatch(/place it again/);
  });

  it("holds a correction that changes the verdict for a second editor", async () => {
    const article = await importArticle(text, editor);
    const own = await claimThrough(article, "500 new schools will open", "published", { checker: editor, editor: editor2 });
    const proposed = await transition(own.id, editor, { action: "correct", version: own.version, reason: "New data", ratingKey: "false" });
    expect(proposed.status).toBe(200);
    const held = (await json(proposed)).claim;
    expect(held).toMatchObject({ ratingKey: "half-true", pendingCorrection: { ratingKey: "false", proposedBy: editor.id } });
    expect((await transition(own.id, editor, { action: "approve_correction", version: held.version })).status).toBe(403);
    const approved = await transition(own.id, editor2, { action: "approve_correction", version: held.version });
    expect(approved.status).toBe(200);
    expect((await json(approved)).claim).toMatchObject({ ratingKey: "false", lastEditedBy: editor.id });
  });
});

describe("a claim created while a revision is saved", () => {
  it("is either re-anchored with the others or refused: never left pointing into the old text", async () => {
    const article = await importArticle(text, checker);
    await claimThrough(article, "500 new schools will open", "draft", { checker, editor });
    const newText = "A new first paragraph.\n\nThe minister said 500 new schools will open. Critics said only 120 were built.";
    const [revise, create] = await Promise.all([
      call(`/api/articles/${article.id}`, { method: "PUT", as: checker, body: { version: 1, text: newText } }),
      call(`/api/articles/${article.id}/claims`, { method: "POST", as: checker, body: { selector: selectorFor(article.text, "only 120 were built") } }),
    ]);
    expect([revise.status, create.status].every((s) => s === 201 || s === 409)).toBe(true);
    const stray = await env.DB.prepare(
      "select count(*) as n from claims c join articles a on a.id = c.article_id where c.revision_id <> a.current_revision_id and c.anchor_status in ('anchored', 'moved')",
    ).first<{ n: number }>();
    expect(stray!.n).toBe(0);
  });
});

describe("nothing unpublished leaves through public exports", () => {
  it("keeps draft and approved claims out of the article page, annotations, the public API, the home page and search", async () => {
    const article = await importArticle(text, checker, "https://news.example/budget");
    const published = await claimThrough(article, "500 new schools will open", "published", { checker, editor });
    const approved = await claimThrough(article, "only 120 were built", "approved", { checker, editor });
    const draft = await claimThrough(article, "The minister said", "draft", { checker, editor });
    const bodies = await Promise.all(
      [`/articles/${article.slug}`, `/articles/${article.slug}/annotations`, "/api/public/annotations?url=https://news.example/budget", "/", "/search?q=minister", "/feed.xml"].map(
        async (path) => [path, await (await call(path)).text()] as const,
      ),
    );
    for (const [path, body] of bodies) {
      for (const hidden of [approved.id, draft.id]) {
        expect({ path, leaked: body.includes(`claim-${hidden}"`) || body.includes(`/claims/${hidden}`) }).toEqual({ path, leaked: false });
      }
      expect({ path, leaked: body.includes("only 120 were built</") || body.includes('"only 120 were built"') }).toEqual({ path, leaked: false });
    }
    expect(bodies[0][1]).toContain(`id="claim-${published.id}"`);
    expect((bodies[0][1].match(/"claimReviewed"/g) ?? []).length).toBe(1);
    expect(bodies[1][1]).toContain(`/claims/${published.id}`);
  });

  it("answers the public API the same for an unknown page and a page with nothing published", async () => {
    await importArticle(text, checker, "https://news.example/secret");
    const secret = await json(await call("/api/public/annotations?url=https://news.example/secret"));
    const unknown = await json(await call("/api/public/annotations?url=https://news.example/nothing"));
    expect(secret).toEqual(unknown);
  });
});
