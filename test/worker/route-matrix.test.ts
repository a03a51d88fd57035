import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import app from "../../worker/app";
import { routeMatrix, type Fixture } from "./route-matrix";
import { call, claimThrough, importArticle, json, signInStaff, type Staff, type Who } from "./support";

let people: Record<Exclude<Who, "public">, Staff>;
let fixture: Fixture;

/** A fresh world for every cell: one article, and claims in the states the matrix needs. */
async function buildFixture(): Promise<Fixture> {
  people = await signInStaff();
  const { checker, editor2 } = people;
  const { article } = await json(await call("/api/articles", { method: "POST", as: checker, body: { text: "Matrix article\n\nThe minister said 40 schools opened." } }));
  const newClaim = async (exact: string) => {
    const start = "The minister said 40 schools opened.".indexOf(exact);
    const body = { selector: [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end: start + exact.length }], ratingKey: "half-true" };
    return (await json(await call(`/api/articles/${article.id}/claims`, { method: "POST", as: checker, body }))).claim.id as number;
  };
  const step = (id: number, action: string, version: number, as: Staff) => call(`/api/claims/${id}/transitions`, { method: "POST", as, body: { action, version } });
  const draftId = await newClaim("40 schools");
  const inReviewId = await newClaim("The minister");
  await step(inReviewId, "submit", 1, checker);
  const approvedId = await newClaim("schools opened");
  await step(approvedId, "submit", 1, checker);
  await step(approvedId, "approve", 2, editor2);
  const token = await json(await call("/api/auth/tokens", { method: "POST", as: checker, body: { name: "matrix" } }));
  const published = await importArticle("Published article\n\nThe mayor said 12 bridges were repaired.", checker, "https://news.example/published");
  const publishedClaim = await claimThrough(published, "12 bridges were repaired", "published", { checker, editor: people.editor }, { claimant: { name: "The Mayor", description: "Mayor of the city" } });
  const { claim } = await json(await call(`/api/claims/${publishedClaim.id}`, { as: checker }));
  const second = await json(await call("/api/claimants", { method: "POST", as: checker, body: { name: "The mayor's office", kind: "organization" } }));
  const sentence = "The minister said 40 schools opened.";
  const at = sentence.indexOf("said 40");
  const selector = [{ type: "TextQuoteSelector", exact: "said 40" }, { type: "TextPositionSelector", start: at, end: at + "said 40".length }];
  await call(`/api/articles/${article.id}/claims`, { method: "POST", as: checker, body: { selector, claimant: { id: second.claimant.id } } });
  return {
    articleId: article.id,
    articleRevisionId: article.currentRevisionId,
    articleSlug: article.slug,
    draftId,
    inReviewId,
    approvedId,
    checkerTokenId: token.id,
    checker2UserId: people.checker2.id,
    checkerUserId: people.checker.id,
    publishedSlug: published.slug,
    publishedId: publishedClaim.id,
    publishedClaimantId: claim.claimant.id,
    secondClaimantId: second.claimant.id,
    publishedArticleId: published.id,
  };
}

const placeholder: Fixture = { articleId: 1, articleRevisionId: 1, articleSlug: "slug", draftId: 1, inReviewId: 2, approvedId: 3, checkerTokenId: 1, checker2UserId: 5, checkerUserId: 4, publishedSlug: "published", publishedId: 4, publishedClaimantId: 1, secondClaimantId: 2, publishedArticleId: 2 };

describe("route × role matrix", () => {
  for (const row of routeMatrix) {
    // Reads change nothing, so their cells share one fixture; every write gets a fresh world.
    describe(`${row.method} ${row.path(placeholder)}${row.body ? ` ${JSON.stringify(row.body(placeholder))}` : ""}`, () => {
      if (row.method === "GET") beforeAll(async () => void (fixture = await buildFixture()));
      else beforeEach(async () => void (fixture = await buildFixture()));
      for (const who of Object.keys(row.expect) as Who[]) {
        it(`as ${who} → ${row.expect[who]}`, async () => {
          const as = who === "public" ? null : people[who];
          const res = await call(row.path(fixture), { method: row.method, as, body: row.body?.(fixture) });
          const detail = res.status === row.expect[who] ? "" : await res.text();
          expect({ status: res.status, detail }).toEqual({ status: row.expect[who], detail: "" });
        });
      }
    });
  }

  it("lists every route the app registers", () => {
    const registered = new Set(
      app.routes.filter((r) => r.method !== "ALL" && !r.path.endsWith("*")).map((r) => `${r.method} ${r.path}`),
    );
    const listed = new Set(routeMatrix.map((r) => `${r.method} ${r.route}`));
    expect([...registered].filter((r) => !listed.has(r))).toEqual([]);
    expect([...listed].filter((r) => !registered.has(r))).toEqual([]);
  });
});
