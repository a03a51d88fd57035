import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { call, json, signInStaff, type Staff } from "./support";

let checker: Staff;
const seeds = Object.entries(env.TEST_SEEDS);

beforeEach(async () => {
  ({ checker } = await signInStaff());
});

const importAll = async () => {
  const outcomes: Record<string, { status: string; slug: string; article: Record<string, unknown> }> = {};
  for (const [file, text] of seeds) {
    const body = await json(await call("/api/articles", { method: "POST", as: checker, body: { text } }));
    outcomes[file] = { status: body.status, slug: body.article.slug, article: body.article };
  }
  return outcomes;
};

describe.runIf(seeds.length === 5)("importing the sample seeds", () => {
  it("turns the five seed texts into four articles: 001 is 000 without its title and date", async () => {
    const outcomes = await importAll();
    const statuses = Object.values(outcomes).map((o) => o.status);
    expect(statuses.filter((s) => s === "created")).toHaveLength(4);
    const [file000, file001] = Object.keys(outcomes).filter((f) => /^00[01]_/.test(f));
    expect(outcomes[file001].status).toBe("duplicate");
    expect(outcomes[file001].slug).toBe(outcomes[file000].slug);
  });

  it("detects each seed's title, date, language and source", async () => {
    const outcomes = await importAll();
    const byPrefix = (p: string) => Object.entries(outcomes).find(([f]) => f.startsWith(p))![1].article;
    expect(byPrefix("000_")).toMatchObject({ title: "Surprising Campaign Strategies Used by Candidates to Reach Voters in Kazakhstan's Regions", publishedAt: "2023-02-23", language: "en" });
    expect(byPrefix("002_").title).toBe("Motor Rallies, Environmental Actions, Pop Concert: Campaigning Gains Momentum in Kazakhstan");
    expect(byPrefix("003_")).toMatchObject({ publishedAt: "2023-03-03", publisher: "inform.kz", sourceUrl: "https://www.inform.kz/" });
    expect(byPrefix("004_")).toMatchObject({ language: "ru", publisher: "zakon.kz" });
  });

  it("is idempotent: a second import creates nothing", async () => {
    await importAll();
    const counts = async () => env.DB.prepare("select (select count(*) from articles) a, (select count(*) from article_revisions) r, (select count(*) from article_search) s").first();
    const before = await counts();
    const again = await importAll();
    expect(Object.values(again).every((o) => o.status === "duplicate")).toBe(true);
    expect(await counts()).toEqual(before);
    expect(before).toEqual({ a: 4, r: 4, s: 4 });
  });

  it("finds the Russian article by a Cyrillic word form", async () => {
    await importAll();
    const found = await json(await call(`/api/articles?q=${encodeURIComponent("миллионов")}`, { as: checker }));
    expect(found.items.map((a: { language: string }) => a.language)).toEqual(["ru"]);
  });
});

it("has the seeds folder in this run (FACTLINE_SEEDS or ../shared/seeds)", () => {
  expect(seeds.length).toBe(5);
});
