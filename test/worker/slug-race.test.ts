import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { call, json, signInStaff, type Staff } from "./support";

let checker: Staff;
let editor: Staff;

beforeEach(async () => {
  ({ checker, editor } = await signInStaff());
});

/** A text of its own words (no near-duplicate of another), under a shared title. */
const textNumber = (i: number) =>
  Array.from({ length: 3 }, (_, p) => Array.from({ length: 12 }, (_, w) => `w${i}x${p}y${w}`).join(" ") + ".").join("\n\n");

describe("concurrent imports that share a title", () => {
  it("20 at once all answer 201, each with a slug of its own", async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call("/api/articles", { method: "POST", as: i % 2 ? checker : editor, body: { title: "Election Night Results", text: textNumber(i) } })),
    );
    const bodies = await Promise.all(responses.map(async (r) => ({ status: r.status, body: await json(r) })));
    expect(bodies.map((b) => b.status)).toEqual(Array(20).fill(201));
    const slugs = bodies.map((b) => b.body.article.slug as string);
    expect(new Set(slugs).size).toBe(20);
    for (const slug of slugs) expect(slug).toMatch(/^election-night-results(-\d+)?$/);
    // Each stored once, whole: 20 articles, each with its revision and search row.
    const counts = await env.DB.prepare(
      "select (select count(*) from articles) as articles, (select count(*) from article_revisions) as revisions, (select count(*) from article_search) as search, (select count(*) from articles where current_revision_id is null) as headless",
    ).first();
    expect(counts).toEqual({ articles: 20, revisions: 20, search: 20, headless: 0 });
    // Each slug leads to the text imported under it.
    for (const [i, { body }] of bodies.entries()) {
      const { revision } = await json(await call(`/api/articles/${body.article.id}`, { as: checker }));
      expect(revision.text).toBe(textNumber(i));
    }
  }, 60_000);
});
