import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import app from "../../worker/app";
import { faults, faultyD1, type FaultPlan } from "./faulty-d1";
import { call, claimThrough, importArticle, json, request, resetDatabase, sampleArticle, selectorFor, signInStaff, type CallOptions, type Staff } from "./support";

type People = Awaited<ReturnType<typeof signInStaff>>;

/** A write to try under faults: the request, and the status it answers when nothing fails. */
interface Operation {
  path: string;
  options: CallOptions;
  ok: number;
  /** What the same request answers once it was stored: 409 for a versioned write, 200 ("duplicate") for an import. */
  repeated?: number;
}

/**
 * Every table's rows, except sessions (random tokens), with times, webhook secrets and random ids masked: what a write may
 * change. A full-text table is read through itself: its shadow tables keep segments that depend on history.
 */
async function snapshot() {
  const { results: tables } = await env.DB.prepare(
    "select name, sql like 'CREATE VIRTUAL TABLE%' as virtual from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name not in ('d1_migrations', 'sessions') order by name",
  ).all<{ name: string; virtual: number }>();
  const virtuals = tables.filter((t) => t.virtual).map((t) => `${t.name}_`);
  const state: Record<string, string[]> = {};
  for (const { name, virtual } of tables) {
    if (virtuals.some((prefix) => name.startsWith(prefix))) continue;
    // Rows as masked JSON, sorted (some tables have no rowid to order by).
    const { results } = await env.DB.prepare(`select ${virtual ? "rowid, " : ""}* from "${name}"`).all();
    state[name] = results
      .map((row) =>
        JSON.stringify(row)
          .replace(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?Z?/g, "<time>")
          .replace(/whsec_[\w-]+/g, "<secret>")
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>"),
      )
      .sort();
  }
  return state;
}

/** Start from nothing, ids included, so two fixtures built alike are alike row for row. */
async function freshPeople(): Promise<People> {
  await resetDatabase();
  await env.DB.prepare("delete from sqlite_sequence").run();
  return signInStaff();
}

/** Send `op` through a D1 binding that fails as `plan` says. */
async function send(op: Operation, plan: FaultPlan) {
  const faulty = faultyD1(env.DB, plan);
  const ctx = createExecutionContext();
  const res = await app.fetch(request(op.path, op.options), { ...env, DB: faulty.d1 }, ctx);
  await waitOnExecutionContext(ctx);
  return { res, trips: faulty.trips(), failed: faulty.failed() };
}

const article2 = "Second Article About Bridges\n\nThe mayor said 12 bridges were repaired this year.\n\nThe council did not publish the list.";

async function claimVersion(id: number, as: Staff): Promise<number> {
  return (await json(await call(`/api/claims/${id}`, { as }))).claim.version;
}

/** A published claim whose quoted words an editor changed in a new revision: it waits for a new place. */
async function changedPublishedClaim(people: People) {
  const { checker, editor } = people;
  const article = await importArticle(sampleArticle, checker);
  const claim = await claimThrough(article, "1,200 new computers", "published", { checker, editor });
  const { article: current } = await json(await call(`/api/articles/${article.id}`, { as: editor }));
  const text = article.text.replace("1,200 new computers", "1,250 new laptops");
  const res = await call(`/api/articles/${article.id}`, { method: "PUT", as: editor, body: { text, version: current.version } });
  if (res.status !== 201) throw new Error(`revise: ${res.status} ${await res.text()}`);
  return { article, claim, text };
}

const scenarios: { name: string; setup: (people: People) => Promise<Operation> }[] = [
  {
    name: "import (POST /api/articles)",
    setup: async (people) => {
      await importArticle(sampleArticle, people.checker);
      return { path: "/api/articles", options: { method: "POST", as: people.checker, body: { text: article2, sourceUrl: "https://news.example/bridges" } }, ok: 201, repeated: 200 };
    },
  },
  {
    name: "claim update (PATCH /api/claims/:id)",
    setup: async (people) => {
      const article = await importArticle(sampleArticle, people.checker);
      const claim = await claimThrough(article, "1,200 new computers", "draft", people);
      const body = { version: claim.version, ratingKey: "false", claimant: { name: "The Ministry" }, sources: [{ url: "https://example.org/a" }, { url: "https://example.org/b" }] };
      return { path: `/api/claims/${claim.id}`, options: { method: "PATCH", as: people.checker, body }, ok: 200 };
    },
  },
  {
    name: "transition (publish, with a comment)",
    setup: async (people) => {
      const article = await importArticle(sampleArticle, people.checker);
      const claim = await claimThrough(article, "1,200 new computers", "approved", people);
      await call("/api/webhooks", { method: "POST", as: people.admin, body: { url: "http://127.0.0.1:9/hook" } });
      const body = { action: "publish", version: claim.version, comment: "Out it goes." };
      return { path: `/api/claims/${claim.id}/transitions`, options: { method: "POST", as: people.editor, body }, ok: 200 };
    },
  },
  {
    name: "revision (PUT /api/articles/:id, re-anchoring a published claim)",
    setup: async (people) => {
      const article = await importArticle(sampleArticle, people.checker);
      await claimThrough(article, "1,200 new computers", "published", people);
      await claimThrough(article, "no list of schools was published", "draft", people);
      const { article: current } = await json(await call(`/api/articles/${article.id}`, { as: people.editor }));
      const text = `${article.text.replace("1,200 new computers", "1,250 new laptops")}\n\nUpdated on March 6.`;
      return { path: `/api/articles/${article.id}`, options: { method: "PUT", as: people.editor, body: { text, version: current.version } }, ok: 201 };
    },
  },
  {
    name: "re-anchoring: proposing a new place (POST /api/claims/:id/anchor)",
    setup: async (people) => {
      const { claim, text } = await changedPublishedClaim(people);
      const body = { version: await claimVersion(claim.id, people.editor), selector: selectorFor(text, "1,250 new laptops") };
      return { path: `/api/claims/${claim.id}/anchor`, options: { method: "POST", as: people.editor, body }, ok: 200 };
    },
  },
  {
    name: "re-anchoring: confirming the new place (POST /api/claims/:id/anchor/confirm)",
    setup: async (people) => {
      const { claim, text } = await changedPublishedClaim(people);
      const version = await claimVersion(claim.id, people.editor);
      const proposed = await call(`/api/claims/${claim.id}/anchor`, { method: "POST", as: people.editor, body: { version, selector: selectorFor(text, "1,250 new laptops") } });
      if (proposed.status !== 200) throw new Error(`propose: ${proposed.status} ${await proposed.text()}`);
      const body = { version: (await json(proposed)).claim.version };
      return { path: `/api/claims/${claim.id}/anchor/confirm`, options: { method: "POST", as: people.editor2, body }, ok: 200 };
    },
  },
];

const injected: [string, () => FaultPlan][] = [
  ["a failed batch", () => faults.failedBatch()],
  ["a failure after the first round trip", () => faults.failAfter(1)],
  ["a timeout", () => faults.timeout(2, 30)],
];

async function expectUnavailable(res: Response) {
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBe("1");
  expect(await json(res)).toEqual({ error: { code: "unavailable", message: expect.any(String) } });
}

describe.each(scenarios)("$name under D1 faults", (scenario) => {
  it.each(injected)("%s: 503 with the error shape, nothing written, and the next request works", async (_, plan) => {
    const op = await scenario.setup(await freshPeople());
    const before = await snapshot();
    const faulty = await send(op, plan());
    expect(faulty.failed).toBeGreaterThan(0);
    await expectUnavailable(faulty.res);
    expect(await snapshot()).toEqual(before);

    const retried = await send(op, faults.none());
    expect(retried.res.status).toBe(op.ok);
    expect(await snapshot()).not.toEqual(before);
  }, 30_000);

  it("a failure at any round trip leaves all of the write or none of it", async () => {
    // The whole write once, without faults, from a fixture built the same way: what "all of it" looks like.
    const clean = await scenario.setup(await freshPeople());
    const untouched = await snapshot();
    const done = await send(clean, faults.none());
    expect(done.res.status).toBe(clean.ok);
    const written = await snapshot();
    expect(written).not.toEqual(untouched);
    expect(done.trips).toBeGreaterThan(1);

    for (let failing = 2; failing <= done.trips; failing++) {
      const op = await scenario.setup(await freshPeople());
      const before = await snapshot();
      expect(before).toEqual(untouched);
      const faulty = await send(op, faults.failAfter(failing - 1));
      const after = await snapshot();
      if (faulty.res.ok) {
        // Only a read after the write (the public-version check a committed write starts) may fail while the request succeeds: then all of it is stored.
        expect(after, `round trip ${failing} of ${done.trips} failed, the request answered ${faulty.res.status}`).toEqual(written);
        continue;
      }
      await expectUnavailable(faulty.res);
      const retried = await send(op, faults.none());
      if (JSON.stringify(after) === JSON.stringify(before)) {
        expect(retried.res.status, `retry after round trip ${failing} of ${done.trips} failed`).toBe(op.ok);
      } else {
        // Only a read after the write's one batch may fail with the write stored, and then all of it.
        expect(after, `round trip ${failing} of ${done.trips}`).toEqual(written);
        expect(retried.res.status).toBe(op.repeated ?? 409);
      }
    }
  }, 120_000);
});

describe("storage failures and constraint errors", () => {
  it("a unique-constraint error is not a storage failure: a duplicate import still answers 200, not 503", async () => {
    const people = await freshPeople();
    await importArticle(sampleArticle, people.checker);
    const again = await call("/api/articles", { method: "POST", as: people.checker, body: { text: sampleArticle } });
    expect(again.status).toBe(200);
    expect((await json(again)).status).toBe("duplicate");
  });

  it("a public page answers 503 with Retry-After when D1 fails", async () => {
    const people = await freshPeople();
    const article = await importArticle(sampleArticle, people.checker);
    await claimThrough(article, "1,200 new computers", "published", people);
    const { res } = await send({ path: `/articles/${article.slug}`, options: {}, ok: 200 }, faults.failAfter(0));
    await expectUnavailable(res);
  });
});
