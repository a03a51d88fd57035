import { beforeEach, describe, expect, it } from "vitest";
import { call, claimThrough, importArticle, json, signInStaff, type Staff } from "./support";

let people: Record<"checker" | "checker2" | "editor" | "editor2" | "admin", Staff>;

const english = [
  "Graduates Leave Kazakhstan",
  "",
  "Every year 60,000 students who graduate from Kazakhstan's schools go abroad, Tokayev said at the forum.",
  "",
  "Officials said about 6,000 students return home after their studies abroad each year.",
].join("\n");

const russian = [
  "Выпускники уезжают",
  "",
  "Ежегодно 60 тысяч выпускников школ Казахстана уезжают учиться за границу, заявил Токаев на форуме.",
].join("\n");

const englishWords = ["Brain Drain Again", "", "Sixty thousand school graduates go abroad each year, said Tokayev."].join("\n");

const match = (text: string, as: Staff, extra: Record<string, unknown> = {}) =>
  call("/api/match", { method: "POST", as, body: { text, ...extra } });

describe("claim matching: POST /api/match", () => {
  let checked: { id: number };
  let other: { id: number };

  beforeEach(async () => {
    people = await signInStaff();
    const article = await importArticle(english, people.checker, "https://news.example/graduates");
    checked = await claimThrough(article, "Every year 60,000 students who graduate from Kazakhstan's schools go abroad", "published", people, { ratingKey: "mostly-false" });
    // The same topic with another number: a different claim that must rank below the real match.
    other = await claimThrough(article, "about 6,000 students return home after their studies abroad each year", "published", people);
  });

  it("finds the 60,000 claim from a Russian article that writes the number as 60 тысяч", async () => {
    const ru = await importArticle(russian, people.checker, "https://ru.news.example/vypuskniki");
    const res = await match("Ежегодно 60 тысяч выпускников школ Казахстана уезжают учиться за границу", people.checker2);
    expect(res.status).toBe(200);
    const { items } = await json(res);
    expect(items[0]).toMatchObject({ kind: "ours", id: checked.id, rating: "mostly-false", state: "published", article: { title: "Graduates Leave Kazakhstan" } });
    expect(items[0].date).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Across languages only the number and the names line up: the 6,000 claim shares neither.
    expect(items.map((i: { id: number }) => i.id)).not.toContain(other.id);
    expect(ru.id).not.toBe(checked.id);
  });

  it("finds it from a second English article that spells the number out, in another word order", async () => {
    await importArticle(englishWords, people.checker, "https://other.example/brain-drain");
    const { items } = await json(await match("Sixty thousand school graduates go abroad each year, said Tokayev", people.editor));
    expect(items[0].id).toBe(checked.id);
  });

  it("finds it with the number grouped by a space and the words inflected", async () => {
    const { items } = await json(await match("graduating students: 60 000 go abroad yearly", people.checker));
    expect(items[0].id).toBe(checked.id);
    // Same words, another number: found, but below.
    expect(items.map((i: { id: number }) => i.id)).toEqual([checked.id, other.id]);
    expect(items[0].score).toBeGreaterThan(items[1].score);
  });

  it("shows no draft, and leaves out the claim it is asked about", async () => {
    const article = await importArticle("Draft article\n\nA draft says 60,000 students go abroad every year.", people.checker);
    await claimThrough(article, "60,000 students go abroad every year", "draft", people);
    const { items } = await json(await match("60,000 students go abroad every year", people.checker, { excludeClaimId: checked.id }));
    expect(items.map((i: { id: number }) => i.id)).toEqual([other.id]);
  });

  it("answers an empty list for text with nothing to match on, and 400 for no text", async () => {
    expect((await json(await match("и в на", people.checker))).items).toEqual([]);
    // Words that no indexed fact-check holds: no term is kept for the candidate search, and nothing is found.
    const unknown = await match("Qwertyuiop zxcvbnmasdf 98765431 lkjhgfdsapoiu", people.checker);
    expect(unknown.status).toBe(200);
    expect((await json(unknown)).items).toEqual([]);
    const bad = await match("   ", people.checker);
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.code).toBe("invalid_input");
  });
});

/** The ClaimReview objects embedded in a public page. */
async function claimReviews(path: string) {
  const html = await (await call(path)).text();
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]));
}

describe("the same claim: POST /api/claims/:id/same-as", () => {
  it("lets one verdict serve two appearances, and its ClaimReview lists both articles", async () => {
    people = await signInStaff();
    const en = await importArticle(english, people.checker, "https://news.example/graduates");
    const checked = await claimThrough(en, "Every year 60,000 students who graduate from Kazakhstan's schools go abroad", "published", people);
    const ru = await importArticle(russian, people.checker, "https://ru.news.example/vypuskniki");
    const appearance = await claimThrough(ru, "Ежегодно 60 тысяч выпускников школ Казахстана уезжают учиться за границу", "draft", people);
    const res = await call(`/api/claims/${appearance.id}/same-as`, { method: "POST", as: people.checker, body: { version: appearance.version, sameAsId: checked.id } });
    expect(res.status).toBe(200);
    expect((await json(res)).claim).toMatchObject({ sameAsId: checked.id, version: appearance.version + 1 });

    const [review] = await claimReviews(`/claims/${checked.id}`);
    expect(review.itemReviewed.appearance).toEqual([
      expect.objectContaining({ "@type": "CreativeWork", url: "https://news.example/graduates", headline: "Graduates Leave Kazakhstan" }),
      expect.objectContaining({ "@type": "CreativeWork", url: "https://ru.news.example/vypuskniki", headline: "Выпускники уезжают", inLanguage: "ru" }),
    ]);
    const [onArticle] = await claimReviews(`/articles/${en.slug}`);
    expect(onArticle.itemReviewed.appearance).toHaveLength(2);
    const history = await json(await call(`/api/claims/${appearance.id}/history`, { as: people.checker }));
    expect(history.items.map((e: { action: string }) => e.action)).toContain("claim.same_as");
  });

  it("refuses a link to itself, a chain of links, and someone else's draft", async () => {
    people = await signInStaff();
    const en = await importArticle(english, people.checker, "https://news.example/graduates");
    const a = await claimThrough(en, "Every year 60,000 students", "published", people);
    const b = await claimThrough(en, "about 6,000 students return home", "draft", people);
    const c = await claimThrough(en, "Tokayev said at the forum", "draft", people);
    const link = (id: number, sameAsId: number | null, as: Staff, version = 1) => call(`/api/claims/${id}/same-as`, { method: "POST", as, body: { version, sameAsId } });
    const self = await link(b.id, b.id, people.checker);
    expect(self.status).toBe(409);
    expect((await json(self)).error.message).toMatch(/itself/);
    expect((await link(b.id, a.id, people.checker2)).status).toBe(403);
    expect((await link(b.id, a.id, people.checker)).status).toBe(200);
    const chain = await link(c.id, b.id, people.checker);
    expect(chain.status).toBe(409);
    expect((await json(chain)).error.message).toContain(`claim ${a.id}`);
    expect((await link(b.id, 999999, people.checker, 2)).status).toBe(400);
    // Unlinking is the same action with null.
    expect((await json(await link(b.id, null, people.checker, 2))).claim.sameAsId).toBeNull();
  });
});
