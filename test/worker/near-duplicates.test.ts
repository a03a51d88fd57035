import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { call, json, signInStaff, type Staff } from "./support";

let checker: Staff;
const seeds = Object.entries(env.TEST_SEEDS);
const seed = (prefix: string) => seeds.find(([f]) => f.startsWith(prefix))![1];
const post = async (text: string, sourceUrl?: string) => {
  const res = await call("/api/articles", { method: "POST", as: checker, body: { text, sourceUrl } });
  return { http: res.status, ...(await json(res)) };
};

/** A reprint as another site would run it: its own headline, the typos fixed, a sentence of its own, a few words changed. */
function editedReprint(text: string): string {
  const lines = text.replace(/\r/g, "").split("\n");
  const body = lines.slice(1).join("\n")
    .replace("roundtbale", "roundtable")
    .replace("transpofmer", "transformer")
    .replace(/\bcandidates\b/, "contenders")
    .replace(/\bvoters\b/, "electors");
  return `Reprinted: campaign gains momentum\n\n${body}\n\nThis article first appeared on another site and is republished with permission.`;
}

beforeEach(async () => {
  ({ checker } = await signInStaff());
});

describe.runIf(seeds.length === 5)("near-duplicate articles at import", () => {
  it("reports seed 001 as the same article as seed 000", async () => {
    const original = await post(seed("000_"));
    const copy = await post(seed("001_"));
    expect(original.http).toBe(201);
    // The body is word for word the same: caught by its hash before any shingling.
    expect(copy).toMatchObject({ http: 200, status: "duplicate", article: { id: original.article.id } });
  });

  it("finds an edited reprint of seed 002, reports its similarity and links it to the original instead of storing it", async () => {
    const original = await post(seed("002_"), "https://astanatimes.example/2023/02/campaign");
    const unrelated = await post(seed("003_"));
    const reprint = await post(editedReprint(seed("002_")), "https://reprints.example/campaign-momentum");
    expect(reprint).toMatchObject({ http: 200, status: "near_duplicate", article: { id: original.article.id } });
    expect(reprint.similarity).toBeGreaterThan(0.7);
    expect(reprint.similarity).toBeLessThan(1);
    const counts = await env.DB.prepare("select (select count(*) from articles) a, (select count(*) from article_reprints where original_id = ?) r").bind(original.article.id).first();
    expect(counts).toEqual({ a: 2, r: 1 });
    const row = await env.DB.prepare("select source_url, title, similarity from article_reprints").first();
    expect(row).toMatchObject({ source_url: "https://reprints.example/campaign-momentum", title: "Reprinted: campaign gains momentum", similarity: reprint.similarity });
    // Importing the reprint again records nothing new.
    await post(editedReprint(seed("002_")), "https://reprints.example/campaign-momentum");
    expect((await env.DB.prepare("select count(*) n from article_reprints").first())!.n).toBe(1);
    expect(unrelated).toMatchObject({ http: 201, status: "created" });
  });

  it("keeps a changed version from the same source URL as a revision, not a reprint", async () => {
    const url = "https://astanatimes.example/2023/02/campaign";
    const original = await post(seed("002_"), url);
    const corrected = await post(editedReprint(seed("002_")), url);
    expect(corrected).toMatchObject({ http: 201, status: "revised", article: { id: original.article.id }, revision: { number: 2 } });
    expect((await env.DB.prepare("select count(*) n from article_reprints").first())!.n).toBe(0);
  });

  it("stores the five seeds as four articles: no other seed is taken for a reprint", async () => {
    const outcomes = [];
    for (const [, text] of seeds) outcomes.push((await post(text)).status);
    expect(outcomes.filter((s) => s === "created")).toHaveLength(4);
  });
});
