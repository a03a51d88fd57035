import { env } from "cloudflare:workers";
import { createScheduledController } from "cloudflare:test";
import { beforeEach, describe, expect, inject, it } from "vitest";
import worker from "../../worker/index";
import { call, claimThrough, json, signInStaff } from "./support";

// This file's own namespace on the shared loopback server (test/worker/loopback-origin.ts).
const origin = `${inject("loopbackOrigin")}/watch`;
const script = (body: unknown) => fetch(`${origin}/__script`, { method: "POST", body: JSON.stringify(body) });
const seen = async (path: string) => ((await (await fetch(`${origin}/__seen`)).json()) as { path: string; headers: Record<string, string> }[]).filter((s) => s.path === path);
const cron = (at: number) => worker.scheduled(createScheduledController({ scheduledTime: at, cron: "*/5 * * * *" }), env);
const hour = 3600_000;

/** A publisher's page: menus and a footer around an <article>, as news sites have them. */
const page = (body: string[]) => `<!doctype html><html><head><title>Site</title><script>var x = "<p>not text</p>";</script></head>
<body><nav><ul><li>Home</li><li>Politics</li></ul></nav>
<article><h1>Roads &amp; Bridges Report</h1><p>March 5, 2024</p>${body.map((p) => `<p>${p}</p>`).join("\n")}</article>
<aside><p>Most read: something else</p></aside><footer><p>© Publisher</p></footer></body></html>`;
const otherStory = ["The council debated next year's budget on Tuesday evening for three hours.", "One member said 12 bridges were repaired last year and asked what schools would get.", "The vote is set for March."];
const v1 = ["The mayor said that 12 bridges were repaired in 2023.", "Critics asked for the list of bridges."];
const v2 = ["The mayor said that 9 bridges were repaired in 2023.", "Critics asked for the list of bridges.", "This article was updated."];

let people: Awaited<ReturnType<typeof signInStaff>>;
beforeEach(async () => {
  people = await signInStaff();
  await fetch(`${origin}/__reset`, { method: "POST" });
});

/** An article imported from the page at `path` on the loopback origin, with a published claim. */
async function watchedArticle(path: string, publish = true, body = v1) {
  const { article } = await json(await call("/api/articles", { method: "POST", as: people.checker, body: { text: page(body), format: "html" } }));
  // The import API takes public addresses only; the test's publisher lives on loopback.
  await env.DB.prepare("update articles set source_url = ? where id = ?").bind(`${origin}${path}`, article.id).run();
  const { revision } = await json(await call(`/api/articles/${article.id}`, { as: people.checker }));
  const claim = await claimThrough({ id: article.id, text: revision.text }, "12 bridges were repaired", publish ? "published" : "draft", people);
  return { article, claim };
}

const settings = (body: Record<string, unknown>, as = people.admin) => call("/api/watch/settings", { method: "PUT", as, body });

describe("stealth-edit watch", { timeout: 60_000 }, () => {
  it("is set by admins only, versioned, and off until then", async () => {
    expect((await json(await call("/api/watch", { as: people.editor }))).settings.enabled).toBe(false);
    expect((await settings({ enabled: true, intervalMinutes: 60, maxFetchesPerRun: 5, version: 0 }, people.editor)).status).toBe(403);
    expect((await call("/api/watch", { as: people.checker })).status).toBe(403);
    expect((await settings({ enabled: true, intervalMinutes: 60, maxFetchesPerRun: 5, version: 0 })).status).toBe(200);
    const stale = await settings({ enabled: false, intervalMinutes: 60, maxFetchesPerRun: 5, version: 0 });
    expect(stale.status).toBe(409);
    expect((await settings({ enabled: true, intervalMinutes: 5, maxFetchesPerRun: 5, version: 1 })).status).toBe(400);
  });

  it("re-fetches politely, finds the unchanged page unchanged, then turns a changed page into a revision that flags the claim", async () => {
    await settings({ enabled: true, intervalMinutes: 60, maxFetchesPerRun: 5, version: 0 });
    const { article, claim } = await watchedArticle("/news/bridges");
    // A different story (not a near-duplicate of the first, which an import would fold into it).
    await watchedArticle("/news/draft-only", false, otherStory);
    await script({ "/news/bridges": [{ status: 200, etag: '"v1"', headers: { "content-type": "text/html" }, body: page(v1) }] });
    const t0 = Date.now();

    await cron(t0);
    let requests = await seen("/news/bridges");
    expect(requests).toHaveLength(1);
    expect(requests[0].headers["user-agent"]).toMatch(/^FactlineBot\/1\.0 \(\+https?:\/\/\S+; /);
    expect(requests[0].headers["if-none-match"]).toBeUndefined();
    expect((await json(await call(`/api/articles/${article.id}/revisions`, { as: people.editor }))).items).toHaveLength(1);

    // Not due again before the interval.
    await cron(t0 + 10 * 60_000);
    expect(await seen("/news/bridges")).toHaveLength(1);

    // Due: a conditional request, answered 304.
    await cron(t0 + hour + 1);
    requests = await seen("/news/bridges");
    expect(requests).toHaveLength(2);
    expect(requests[1].headers["if-none-match"]).toBe('"v1"');

    // The publisher edits the page quietly.
    await script({ "/news/bridges": [{ status: 200, etag: '"v2"', headers: { "content-type": "text/html" }, body: page(v2) }] });
    await cron(t0 + 2 * hour + 2);
    const revisions = (await json(await call(`/api/articles/${article.id}/revisions`, { as: people.editor }))).items;
    expect(revisions.map((r: { number: number }) => r.number)).toEqual([2, 1]);
    const { revision } = await json(await call(`/api/articles/${article.id}`, { as: people.editor }));
    expect(revision.text).toContain("9 bridges were repaired");
    expect(revision.text).not.toMatch(/Most read|Publisher|Home|not text/);
    const flagged = (await json(await call("/api/claims?flagged=true", { as: people.editor }))).items;
    expect(flagged.map((c: { id: number }) => c.id)).toContain(claim.id);
    const { claim: after } = await json(await call(`/api/claims/${claim.id}`, { as: people.editor }));
    expect(after.anchorStatus).toBe("changed");
    expect(after.needsReview).toBe(true);
    const watch = (await json(await call("/api/watch", { as: people.editor }))).items;
    expect(watch.find((w: { articleId: number }) => w.articleId === article.id)).toMatchObject({ failures: 0, lastStatus: 200 });
    // The draft-only article has no public claim: never fetched.
    expect(await seen("/news/draft-only")).toHaveLength(0);
  });

  it("fetches one page a host a run and backs off after errors", async () => {
    await settings({ enabled: true, intervalMinutes: 60, maxFetchesPerRun: 5, version: 0 });
    const first = await watchedArticle("/a");
    await watchedArticle("/b", true, otherStory);
    await script({ "/a": [{ status: 503 }], "/b": [{ status: 200, body: page(v1) }] });
    const t0 = Date.now();
    await cron(t0);
    expect([(await seen("/a")).length, (await seen("/b")).length]).toEqual([1, 0]);
    await cron(t0 + 60_000);
    expect([(await seen("/a")).length, (await seen("/b")).length]).toEqual([1, 1]);
    const stateOf = async () => (await json(await call("/api/watch", { as: people.editor }))).items.find((w: { articleId: number }) => w.articleId === first.article.id);
    let state = await stateOf();
    expect(state).toMatchObject({ failures: 1, lastStatus: 503, lastError: "HTTP 503" });
    expect(Date.parse(state.nextCheckAt) - t0).toBe(hour);
    await cron(t0 + hour + 1);
    state = await stateOf();
    expect(state.failures).toBe(2);
    expect(Date.parse(state.nextCheckAt) - (t0 + hour + 1)).toBe(2 * hour);
    expect([(await seen("/a")).length, (await seen("/b")).length]).toEqual([2, 1]);
  });
});
