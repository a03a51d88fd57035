import { beforeEach, describe, expect, it } from "vitest";
import { call, claimThrough, importArticle, json, signInStaff, type Staff } from "./support";

/**
 * D1 round trips a route, as counted by the worker itself (the x-d1-round-trips header), against the
 * budget in this one table. Each route is called on an article with one fact-check and on one with
 * six, each with sources and comments: the count must not grow with the data (no query a row, no
 * N+1), and must stay within its budget. Public pages are held to one round trip cold and none warm
 * in public-memory.test.ts. Writes count their session lookup and their one batch, plus the reads
 * that decide them.
 */
interface Scene {
  articleId: number;
  slug: string;
  claimId: number;
  draftId: number;
  draftVersion: number;
}
interface Budget {
  name: string;
  trips: number;
  request: (s: Scene) => { method?: string; path: string; body?: unknown; as: "checker" | "editor" };
}

const budgets: Budget[] = [
  { name: "GET /api/articles", trips: 2, request: () => ({ path: "/api/articles", as: "checker" }) },
  { name: "GET /api/articles/:id", trips: 2, request: (s) => ({ path: `/api/articles/${s.articleId}`, as: "checker" }) },
  { name: "GET /api/articles/:id/claims", trips: 3, request: (s) => ({ path: `/api/articles/${s.articleId}/claims`, as: "checker" }) },
  { name: "GET /api/claims (review queue)", trips: 2, request: () => ({ path: "/api/claims?state=in_review,published", as: "editor" }) },
  { name: "GET /api/claims/:id", trips: 3, request: (s) => ({ path: `/api/claims/${s.claimId}`, as: "checker" }) },
  { name: "GET /api/claims/:id/comments", trips: 3, request: (s) => ({ path: `/api/claims/${s.claimId}/comments`, as: "checker" }) },
  { name: "GET /api/claims/:id/history", trips: 3, request: (s) => ({ path: `/api/claims/${s.claimId}/history`, as: "checker" }) },
  {
    name: "PATCH /api/claims/:id",
    trips: 5,
    request: (s) => ({ method: "PATCH", path: `/api/claims/${s.draftId}`, body: { version: s.draftVersion, ratingKey: "false" }, as: "checker" }),
  },
  {
    name: "POST /api/claims/:id/comments",
    trips: 3,
    request: (s) => ({ method: "POST", path: `/api/claims/${s.draftId}/comments`, body: { body: "Checked against the ministry's list." }, as: "editor" }),
  },
  {
    name: "POST /api/claims/:id/transitions",
    trips: 5,
    request: (s) => ({ method: "POST", path: `/api/claims/${s.draftId}/transitions`, body: { action: "submit", version: s.draftVersion }, as: "checker" }),
  },
];

let people: Record<"checker" | "editor" | "editor2", Staff>;
beforeEach(async () => {
  const all = await signInStaff();
  people = { checker: all.checker, editor: all.editor, editor2: all.editor2 };
});

// Texts with words of their own, so that the near-duplicate check never folds one article into the other.
const topics = [
  ["ministry", "rural", "teachers", "budget", "villages", "regional"],
  ["parliament", "railway", "stations", "freight", "tariffs", "corridor"],
];
const text = (n: number) =>
  [`Budget article ${n} on ${topics[n - 1][0]}`, "", ...topics[n - 1].map((word, i) => `Paragraph ${i} of article ${n} about the ${word} says that ${1000 + i * 10} schools opened in ${2020 + i}.`)].join("\n\n");

/** An article with `count` published fact-checks, each with two sources and a comment, and one draft. */
async function scene(n: number, count: number): Promise<Scene> {
  const article = await importArticle(text(n), people.checker);
  let claimId = 0;
  for (let i = 0; i < count; i++) {
    const claim = await claimThrough(article, `${1000 + i * 10} schools opened in ${2020 + i}`, "published", people, {
      sources: [{ url: `https://stat.example/${n}/${i}`, title: "Statistics" }, { url: `https://archive.example/${n}/${i}`, title: "Archive" }],
    });
    await call(`/api/claims/${claim.id}/comments`, { method: "POST", as: people.editor, body: { body: `Source checked (${i}).` } });
    claimId ||= claim.id;
  }
  const draft = await claimThrough(article, `Paragraph 5 of article ${n}`, "draft", people);
  return { articleId: article.id, slug: article.slug, claimId, draftId: draft.id, draftVersion: draft.version };
}

async function trips(budget: Budget, s: Scene) {
  const r = budget.request(s);
  const res = await call(r.path, { method: r.method, body: r.body, as: people[r.as] });
  expect([budget.name, res.status < 300], await res.clone().text()).toEqual([budget.name, true]);
  const body = await json(res);
  if (body?.claim?.id === s.draftId) s.draftVersion = body.claim.version;
  return Number(res.headers.get("x-d1-round-trips"));
}

describe("D1 round trips a route", { timeout: 120_000 }, () => {
  it("stay within the table's budgets and do not grow with the number of claims, sources and comments", async () => {
    const one = await scene(1, 1);
    const six = await scene(2, 6);
    const counted: Record<string, [number, number]> = {};
    for (const budget of budgets) counted[budget.name] = [await trips(budget, one), await trips(budget, six)];
    for (const budget of budgets) {
      const [small, large] = counted[budget.name];
      expect({ route: budget.name, small, large: large }).toEqual({ route: budget.name, small, large: small });
      expect({ route: budget.name, withinBudget: small <= budget.trips, small }).toEqual({ route: budget.name, withinBudget: true, small });
      expect(small).toBeGreaterThan(0);
    }
  });
});
