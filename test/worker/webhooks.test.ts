import { env } from "cloudflare:workers";
import { createScheduledController } from "cloudflare:test";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { verifyWebhook } from "../../worker/domain/webhook-signature";
import worker from "../../worker/index";
import { call, claimThrough, importArticle, json, sampleArticle, signInStaff, type Staff } from "./support";

// This file's own namespace on the shared loopback server (test/worker/loopback-origin.ts).
const origin = `${inject("loopbackOrigin")}/webhooks`;
const receiver = (path: string) => `${origin}${path}`;
const script = (body: unknown) => fetch(receiver("/__script"), { method: "POST", body: JSON.stringify(body) });
const seen = async (path: string) => ((await (await fetch(receiver("/__seen"))).json()) as { path: string; headers: Record<string, string>; body: string }[]).filter((s) => s.path === path);
/** Run the Cron Trigger as if it fired at `at`. */
const cron = (at: number) => worker.scheduled(createScheduledController({ scheduledTime: at, cron: "*/5 * * * *" }), env);

let people: Awaited<ReturnType<typeof signInStaff>>;
beforeEach(async () => {
  people = await signInStaff();
  await fetch(receiver("/__reset"), { method: "POST" });
});

async function register(url: string, as: Staff = people.admin) {
  return call("/api/webhooks", { method: "POST", as, body: { url, description: "CMS" } });
}

describe("webhooks", { timeout: 60_000 }, () => {
  it("registers a URL for admins only, shows its secret once and never again", async () => {
    expect((await register(receiver("/hook"), people.editor)).status).toBe(403);
    const created = await register(receiver("/hook"));
    expect(created.status).toBe(201);
    const { webhook, secret } = await json(created);
    expect(secret).toMatch(/^whsec_[\w-]{40,}$/);
    const listed = await (await call("/api/webhooks", { as: people.admin })).text();
    expect(listed).toContain(webhook.url);
    expect(listed).not.toContain(secret);
    expect(JSON.parse(listed).items[0]).not.toHaveProperty("secret");
  });

  it("refuses a URL that is not http(s)", async () => {
    const res = await register("ftp://127.0.0.1/hook");
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe("invalid_input");
  });

  it("queues publish, correct and retract in the transition's own batch, and a failed transition queues nothing", async () => {
    await register(receiver("/hook"));
    const article = await importArticle(sampleArticle, people.checker);
    const claim = await claimThrough(article, "1,200 new computers", "published", people);
    const correct = await call(`/api/claims/${claim.id}/transitions`, { method: "POST", as: people.editor, body: { action: "correct", version: claim.version, reason: "Typo in the explanation." } });
    expect(correct.status).toBe(200);
    // A stale version: refused, and nothing queued.
    const stale = await call(`/api/claims/${claim.id}/transitions`, { method: "POST", as: people.editor, body: { action: "retract", version: claim.version, reason: "x" } });
    expect(stale.status).toBe(409);
    const { claim: after } = await json(correct);
    expect((await call(`/api/claims/${claim.id}/transitions`, { method: "POST", as: people.editor, body: { action: "retract", version: after.version, reason: "Wrong." } })).status).toBe(200);
    const rows = await env.DB.prepare("select event, payload from webhook_deliveries order by id").all<{ event: string; payload: string }>();
    expect(rows.results.map((r) => r.event)).toEqual(["claim.published", "claim.corrected", "claim.retracted"]);
    expect(JSON.parse(rows.results[2].payload).claim).toMatchObject({ id: claim.id, state: "retracted", publicNote: "Wrong.", path: `/claims/${claim.id}` });
  });

  it("POSTs signed events from the cron trigger, retries with backoff after a failing receiver, then delivers", async () => {
    await script({ "/hook": [{ status: 500 }, { status: 204 }] });
    const { secret, webhook } = await json(await register(receiver("/hook")));
    const article = await importArticle(sampleArticle, people.checker);
    const claim = await claimThrough(article, "1,200 new computers", "published", people);
    const t0 = Date.now();

    await cron(t0);
    const [first] = await seen("/hook");
    expect(first.headers["x-factline-event"]).toBe("claim.published");
    expect(await verifyWebhook(secret, first.body, first.headers["x-factline-signature"])).toBe(true);
    expect(await verifyWebhook("whsec_wrong", first.body, first.headers["x-factline-signature"])).toBe(false);
    expect(JSON.parse(first.body)).toMatchObject({ event: "claim.published", claim: { id: claim.id, state: "published" } });
    let [delivery] = (await json(await call(`/api/webhooks/${webhook.id}/deliveries`, { as: people.admin }))).items;
    expect(delivery).toMatchObject({ attempts: 1, lastStatus: 500, deliveredAt: null, failedAt: null });
    expect(Date.parse(delivery.nextAttemptAt) - t0).toBe(60_000);

    // Not yet due: nothing is sent.
    await cron(t0 + 30_000);
    expect(await seen("/hook")).toHaveLength(1);

    await cron(t0 + 61_000);
    const attempts = await seen("/hook");
    expect(attempts).toHaveLength(2);
    expect(attempts[1].body).toBe(first.body);
    expect(attempts[1].headers["x-factline-delivery"]).toBe(first.headers["x-factline-delivery"]);
    [delivery] = (await json(await call(`/api/webhooks/${webhook.id}/deliveries`, { as: people.admin }))).items;
    expect(delivery).toMatchObject({ attempts: 2, lastStatus: 204, lastError: null });
    expect(delivery.deliveredAt).not.toBeNull();

    // Delivered: never sent again.
    await cron(t0 + 3600_000);
    expect(await seen("/hook")).toHaveLength(2);
  });

  it("sends nothing to a disabled webhook", async () => {
    await script({ "/hook": [{ status: 204 }] });
    const { webhook } = await json(await register(receiver("/hook")));
    const article = await importArticle(sampleArticle, people.checker);
    await claimThrough(article, "1,200 new computers", "published", people);
    expect((await call(`/api/webhooks/${webhook.id}`, { method: "DELETE", as: people.admin })).status).toBe(204);
    expect((await call(`/api/webhooks/${webhook.id}`, { method: "DELETE", as: people.admin })).status).toBe(404);
    await cron(Date.now());
    expect(await seen("/hook")).toHaveLength(0);
  });
});

describe("outbound network in tests", () => {
  it("reaches the loopback origin and nothing else", async () => {
    expect((await fetch(receiver("/__seen"))).status).toBe(200);
    // Any other address is answered by the test runtime's guard (vitest.config.ts), never contacted.
    for (const address of ["http://192.0.2.1/", "http://10.0.0.1/", "https://example.org/"]) {
      const res = await fetch(address);
      expect(res.status).toBe(599);
      expect(res.headers.get("x-blocked-host")).toBe(new URL(address).host);
    }
  });
});
