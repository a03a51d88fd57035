import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.setConfig({ testTimeout: 30_000 });
import app from "../../worker/app";
import type { RequestLog } from "../../worker/middleware/observe";
import { faults, faultyD1 } from "./faulty-d1";
import { call, claimThrough, importArticle, request, sampleArticle, signInStaff, type CallOptions, type Staff } from "./support";

let people: Awaited<ReturnType<typeof signInStaff>>;
let checker: Staff;

beforeEach(async () => {
  people = await signInStaff();
  ({ checker } = people);
});
afterEach(() => vi.restoreAllMocks());

/** Send through the app with the request log on, and collect the lines it writes. */
async function logged(path: string, options: CallOptions = {}, DB: D1Database = env.DB) {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
  const ctx = createExecutionContext();
  const res = await app.fetch(request(path, options), { ...env, DB, REQUEST_LOG: "on" }, ctx);
  await waitOnExecutionContext(ctx);
  vi.restoreAllMocks();
  return { res, lines };
}

/** `app;dur=<ms>, d1;desc="<n> round trip(s)"`, parsed. */
function serverTiming(res: Response) {
  const header = res.headers.get("server-timing");
  const match = /^app;dur=(\d+(?:\.\d+)?), d1;desc="(\d+) round trips?"$/.exec(header ?? "");
  if (!match) throw new Error(`no Server-Timing as expected: ${header}`);
  return { durationMs: Number(match[1]), roundTrips: Number(match[2]) };
}

describe("the request log", () => {
  it("writes one JSON line a request: request id (cf-ray), method, route pattern, status, duration and D1 round trips", async () => {
    const article = await importArticle(sampleArticle, checker);
    const { res, lines } = await logged(`/api/articles/${article.id}`, { as: checker, headers: { "cf-ray": "8f1e2d3c4b5a6978-AMS" } });
    expect(res.status).toBe(200);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as RequestLog;
    expect(line).toEqual({
      requestId: "8f1e2d3c4b5a6978-AMS",
      method: "GET",
      route: "/api/articles/:id",
      status: 200,
      durationMs: expect.any(Number),
      d1RoundTrips: Number(res.headers.get("x-d1-round-trips")),
    });
    expect(line.d1RoundTrips).toBeGreaterThanOrEqual(2); // the session lookup and the article
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    expect(res.headers.get("x-request-id")).toBe("8f1e2d3c4b5a6978-AMS");
  });

  it("makes up a request id without cf-ray, and logs a write's route, a 404 and a 503 with its error", async () => {
    const write = await logged("/api/articles", { method: "POST", as: checker, body: { text: sampleArticle } });
    expect(write.res.status).toBe(201);
    const line = JSON.parse(write.lines[0]);
    expect(line).toMatchObject({ method: "POST", route: "/api/articles", status: 201 });
    expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(write.res.headers.get("x-request-id")).toBe(line.requestId);

    const missing = await logged("/api/nothing-here", { as: checker });
    expect(JSON.parse(missing.lines[0])).toMatchObject({ method: "GET", status: 404 });

    const failing = faultyD1(env.DB, faults.failAfter(1));
    const down = await logged("/api/articles", { as: checker }, failing.d1);
    expect(down.res.status).toBe(503);
    expect(JSON.parse(down.lines[0])).toMatchObject({ route: "/api/articles", status: 503, d1RoundTrips: 2, error: expect.stringContaining("Network connection lost") });
  });

  it("writes nothing when REQUEST_LOG is off", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
    expect((await call("/api/health")).status).toBe(200);
    expect(lines).toEqual([]);
  });
});

describe("Server-Timing", () => {
  it("is on a public page, an API route, an error and a 304, with the D1 round trips the request made", async () => {
    const article = await importArticle(sampleArticle, checker);
    await claimThrough(article, "1,200 new computers", "published", people);

    const page = await call(`/articles/${article.slug}`);
    expect(page.status).toBe(200);
    expect(serverTiming(page).roundTrips).toBe(Number(page.headers.get("x-d1-round-trips")));

    const api = await call(`/api/articles/${article.id}`, { as: checker });
    expect(api.status).toBe(200);
    expect(serverTiming(api).roundTrips).toBe(Number(api.headers.get("x-d1-round-trips")));
    expect(serverTiming(api).roundTrips).toBeGreaterThanOrEqual(2);

    const error = await call("/api/articles/999999", { as: checker });
    expect(error.status).toBe(404);
    expect(serverTiming(error).roundTrips).toBe(Number(error.headers.get("x-d1-round-trips")));

    const refused = await call("/api/articles");
    expect(refused.status).toBe(401);
    expect(serverTiming(refused).roundTrips).toBe(0);

    const etag = page.headers.get("etag");
    expect(etag).toBeTruthy();
    const notModified = await call(`/articles/${article.slug}`, { headers: { "if-none-match": etag! } });
    expect(notModified.status).toBe(304);
    expect(serverTiming(notModified).roundTrips).toBe(Number(notModified.headers.get("x-d1-round-trips")));

    const health = await call("/api/health");
    expect(serverTiming(health)).toEqual({ durationMs: expect.any(Number), roundTrips: 0 });
  });
});
