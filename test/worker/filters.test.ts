import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { call, claimThrough, importArticle, json, signInStaff, type Staff } from "./support";

let checker: Staff, checker2: Staff, editor: Staff;

beforeEach(async () => {
  ({ checker, checker2, editor } = await signInStaff());
});

describe("list filters", () => {
  it("filters articles by whether they have claims and by their claims' states", async () => {
    const a = await importArticle("With a draft\n\nThe mayor said 3 parks opened.", checker);
    const b = await importArticle("With a published claim\n\nThe governor said 9 roads were built.", checker);
    await importArticle("Without claims\n\nNothing to check here at all.", checker);
    await claimThrough(a, "3 parks opened", "draft", { checker, editor });
    await claimThrough(b, "9 roads were built", "published", { checker, editor });
    const titles = async (query: string) => (await json(await call(`/api/articles?${query}`, { as: checker }))).items.map((x: { title: string }) => x.title);
    expect(await titles("hasClaims=true")).toEqual(["With a published claim", "With a draft"]);
    expect(await titles("hasClaims=false")).toEqual(["Without claims"]);
    expect(await titles("claimState=published,corrected")).toEqual(["With a published claim"]);
    expect((await call("/api/articles?claimState=bogus", { as: checker })).status).toBe(400);
  });

  it("filters claims by author, assignee, article and language", async () => {
    const en = await importArticle("English\n\nThe mayor said 3 parks opened.", checker);
    const ru = await importArticle("Русская\n\nМэр сказал, что открыто 3 парка.", checker2);
    const mine = await claimThrough(en, "3 parks opened", "draft", { checker, editor });
    const theirs = await claimThrough(ru, "открыто 3 парка", "draft", { checker: checker2, editor });
    const ids = async (query: string) => (await json(await call(`/api/claims?${query}`, { as: editor }))).items.map((x: { id: number }) => x.id);
    expect(await ids(`authorId=${checker.id}`)).toEqual([mine.id]);
    expect(await ids(`articleId=${ru.id}`)).toEqual([theirs.id]);
    expect(await ids("language=ru")).toEqual([theirs.id]);
    await call(`/api/claims/${mine.id}/assign`, { method: "POST", as: editor, body: { version: 1, assigneeId: checker2.id } });
    expect(await ids(`assigneeId=${checker2.id}`)).toEqual([mine.id]);
  });
});

describe("DELETE /api/claims/:id", () => {
  it("deletes a draft with its sources and verdicts, leaving an audit event", async () => {
    const article = await importArticle("Title\n\nThe mayor said 3 parks opened.", checker);
    const claim = await claimThrough(article, "3 parks opened", "draft", { checker, editor }, { ratingKey: "false", sources: [{ url: "https://a.example" }] });
    expect((await call(`/api/claims/${claim.id}`, { method: "DELETE", as: checker2, body: { version: claim.version } })).status).toBe(403);
    expect((await call(`/api/claims/${claim.id}`, { method: "DELETE", as: checker, body: { version: claim.version } })).status).toBe(204);
    const left = await env.DB.prepare("select (select count(*) from claims) c, (select count(*) from sources) s, (select count(*) from verdicts) v").first();
    expect(left).toEqual({ c: 0, s: 0, v: 0 });
    const audit = await env.DB.prepare("select action from audit_events where entity_type = 'claim' and entity_id = ? order by id desc").bind(claim.id).first();
    expect(audit).toEqual({ action: "claim.delete" });
  });

  it("refuses to delete a claim that went to review", async () => {
    const article = await importArticle("Title\n\nThe mayor said 3 parks opened.", checker);
    const claim = await claimThrough(article, "3 parks opened", "in_review", { checker, editor });
    const res = await call(`/api/claims/${claim.id}`, { method: "DELETE", as: editor, body: { version: claim.version } });
    expect(res.status).toBe(409);
    expect((await json(res)).error.code).toBe("not_a_draft");
  });
});
