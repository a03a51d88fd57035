import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, json, sampleArticle, signInStaff, type Staff } from "./support";

let checker: Staff;
let editor: Staff;

beforeEach(async () => {
  ({ checker, editor } = await signInStaff());
});
afterEach(async () => {
  await env.DB.prepare("drop trigger if exists inject_audit_failure").run();
});

/** Make the audit insert fail inside the database, after the change it records has run in the same batch. */
const injectAuditFailure = () =>
  env.DB.prepare("create trigger inject_audit_failure before insert on audit_events begin select raise(abort, 'injected failure'); end").run();

describe("a change and its audit event are one", () => {
  it("a failed audit insert leaves the claim update unwritten", async () => {
    const { article } = await json(await call("/api/articles", { method: "POST", as: checker, body: { text: sampleArticle } }));
    const exact = "1,200 new computers";
    const start = (await json(await call(`/api/articles/${article.id}`, { as: checker }))).revision.text.indexOf(exact);
    const body = { selector: [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end: start + exact.length }] };
    const { claim } = await json(await call(`/api/articles/${article.id}/claims`, { method: "POST", as: checker, body }));
    const eventsBefore = await env.DB.prepare("select count(*) as n from audit_events").first<{ n: number }>();

    await injectAuditFailure();
    const res = await call(`/api/claims/${claim.id}`, { method: "PATCH", as: checker, body: { version: 1, ratingKey: "false", sources: [{ url: "https://example.org/a" }] } });
    expect(res.status).toBe(500);

    const row = await env.DB.prepare("select rating_key, version from claims where id = ?").bind(claim.id).first();
    expect(row).toEqual({ rating_key: null, version: 1 });
    expect((await env.DB.prepare("select count(*) as n from sources").first<{ n: number }>())!.n).toBe(0);
    expect((await env.DB.prepare("select count(*) as n from verdicts").first<{ n: number }>())!.n).toBe(0);
    expect(await env.DB.prepare("select count(*) as n from audit_events").first()).toEqual(eventsBefore);
  });

  it("a failed audit insert leaves a workflow transition and its comment unwritten", async () => {
    const { article } = await json(await call("/api/articles", { method: "POST", as: checker, body: { text: sampleArticle } }));
    const body = { selector: [{ type: "TextQuoteSelector", exact: "The ministry" }, { type: "TextPositionSelector", start: 0, end: 12 }] };
    const { claim } = await json(await call(`/api/articles/${article.id}/claims`, { method: "POST", as: checker, body }));
    await call(`/api/claims/${claim.id}/transitions`, { method: "POST", as: checker, body: { action: "submit", version: 1 } });

    await injectAuditFailure();
    const res = await call(`/api/claims/${claim.id}/transitions`, { method: "POST", as: editor, body: { action: "request_changes", version: 2, comment: "Which ministry?" } });
    expect(res.status).toBe(500);
    expect(await env.DB.prepare("select state, version from claims where id = ?").bind(claim.id).first()).toEqual({ state: "in_review", version: 2 });
    expect((await env.DB.prepare("select count(*) as n from comments").first<{ n: number }>())!.n).toBe(0);
  });

  it("a failed audit insert leaves an import unwritten", async () => {
    await injectAuditFailure();
    expect((await call("/api/articles", { method: "POST", as: checker, body: { text: sampleArticle } })).status).toBe(500);
    for (const table of ["articles", "article_revisions", "article_search"]) {
      expect((await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n).toBe(0);
    }
  });
});
