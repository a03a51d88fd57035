import { beforeEach, describe, expect, it } from "vitest";
import { call, claimThrough, importArticle, json, signInStaff, type Staff } from "./support";

let checker: Staff, checker2: Staff, editor: Staff, editor2: Staff;
beforeEach(async () => {
  ({ checker, checker2, editor, editor2 } = await signInStaff());
});

const patch = (id: number, as: Staff, body: Record<string, unknown>) => call(`/api/articles/${id}/metadata`, { method: "PATCH", as, body });

describe("article metadata", () => {
  it("takes the author at import, edits the details versioned and audited, and the public page (from memory) follows", async () => {
    const created = await json(await call("/api/articles", { method: "POST", as: checker, body: { text: "Roads\n\nThe governor said 40 roads were paved.", author: "Dana Writer", publisher: "The Steppe Times" } }));
    expect(created.article).toMatchObject({ author: "Dana Writer", publisher: "The Steppe Times" });
    const article = await importArticle("Roads\n\nThe governor said 40 roads were paved.", checker);
    expect(article.id).toBe(created.article.id);
    const res = await patch(article.id, checker2, { version: created.article.version, publisher: "The Astana Times", sourceUrl: "https://astanatimes.example/roads", publishedAt: "2024-05-01" });
    expect(res.status).toBe(200);
    const { article: after } = await json(res);
    expect(after).toMatchObject({ publisher: "The Astana Times", sourceUrl: "https://astanatimes.example/roads", publishedAt: "2024-05-01", author: "Dana Writer", version: created.article.version + 1 });
    expect((await patch(article.id, checker, { version: created.article.version, author: null })).status).toBe(409);
    expect((await patch(article.id, checker, { version: after.version, sourceUrl: "javascript:alert(1)" })).status).toBe(400);
    expect((await patch(article.id, checker, { version: after.version, publishedAt: "yesterday" })).status).toBe(400);
    expect((await patch(999999, checker, { version: 1 })).status).toBe(404);

    const claim = await claimThrough(article, "40 roads were paved", "published", { checker, editor });
    const page1 = await (await call(`/articles/${article.slug}`)).text();
    expect(page1).toContain("The Astana Times");
    expect(page1).toContain("Dana Writer");
    expect(page1).toContain('href="https://astanatimes.example/roads"');
    // Once a claim on it is public, only editors edit it; the page kept in memory shows the change.
    const current = (await json(await call(`/api/articles/${article.id}`, { as: editor }))).article;
    expect((await patch(article.id, checker, { version: current.version, author: "X" })).status).toBe(403);
    expect((await patch(article.id, editor2, { version: current.version, author: "Dana K. Writer", publisher: "Astana Times" })).status).toBe(200);
    const page2 = await (await call(`/articles/${article.slug}`)).text();
    expect(page2).toContain("Dana K. Writer");
    expect(page2).toContain("Astana Times");
    expect(page2).not.toContain("The Astana Times");
    expect(claim.state).toBe("published");
    const history = await json(await call(`/api/claims/${claim.id}`, { as: editor }));
    expect(history.claim.article.id).toBe(article.id);
  });
});
