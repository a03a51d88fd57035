import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { call, claimThrough, importArticle, json, signInStaff, type Staff } from "./support";

let checker: Staff, editor: Staff, admin: Staff;

beforeEach(async () => {
  ({ checker, editor, admin } = await signInStaff());
});

const relabel = (version: number, labels: Record<string, string | null>, as = admin) =>
  call("/api/rating-scale/mostly-false", { method: "PATCH", as, body: { version, labels } });

describe("rating scale", () => {
  it("serves the scale with its ClaimReview bounds to anyone", async () => {
    const body = await json(await call("/api/rating-scale"));
    expect(body.ratings.map((r: { key: string }) => r.key)).toEqual(["true", "mostly-true", "half-true", "misleading", "mostly-false", "false", "unverifiable"]);
    expect(body.bounds).toEqual({ best: 6, worst: 1 });
  });

  it("lets an admin reword a rating's labels; public pages, JSON-LD and annotations show them at once", async () => {
    const article = await importArticle("Schools\n\nThe minister said 500 new schools will open.", checker);
    await claimThrough(article, "500 new schools will open", "published", { checker, editor }, { ratingKey: "mostly-false" });
    const before = await call(`/articles/${article.slug}`);
    expect(await before.text()).toContain("Mostly false");

    const res = await relabel(0, { en: "Largely false", ru: "Скорее ложь" });
    expect(res.status).toBe(200);
    expect((await json(res)).ratings.find((r: { key: string }) => r.key === "mostly-false").labels).toEqual({ en: "Largely false", ru: "Скорее ложь", kk: "Негізінен жалған" });

    const after = await call(`/articles/${article.slug}`, { headers: { "if-none-match": before.headers.get("etag")! } });
    expect(after.status).toBe(200);
    const html = await after.text();
    expect(html).toContain(">Largely false<");
    expect(html).toMatch(/"alternateName":"Largely false"/);
    const annotations = await (await call(`/articles/${article.slug}/annotations`)).text();
    expect(annotations).toContain("Largely false");
    expect(await (await call(`/articles/${article.slug}?lang=ru`)).text()).toContain("Скорее ложь");
  });

  it("refuses a stale version with 409, and everyone but admins with 403", async () => {
    expect((await relabel(0, { en: "Largely false" })).status).toBe(200);
    const stale = await relabel(0, { en: "Mainly false" });
    expect(stale.status).toBe(409);
    expect((await json(stale)).error.details.currentVersion).toBe(1);
    expect((await relabel(1, { en: "Mainly false" }, editor)).status).toBe(403);
    expect((await relabel(1, { en: "Mainly false" })).status).toBe(200);
    const audit = await env.DB.prepare("select count(*) as n from audit_events where action = 'rating.labels'").first<{ n: number }>();
    expect(audit!.n).toBe(2);
  });

  it("rejects an unknown key, an empty label and an empty change with 400", async () => {
    expect((await call("/api/rating-scale/pants-on-fire", { method: "PATCH", as: admin, body: { version: 0, labels: { en: "x" } } })).status).toBe(400);
    expect((await relabel(0, { en: "" })).status).toBe(400);
    expect((await relabel(0, {})).status).toBe(400);
  });
});
