import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEvents, suggestionDismissals } from "../../schema/tables";
import { call, claimThrough, db, importArticle, json, signInStaff, type Staff } from "./support";

let people: Awaited<ReturnType<typeof signInStaff>>;
let checker: Staff;

const article = [
  "Region Plans Road Repairs",
  "",
  "The regional administration said 310 kilometres of roads will be repaired this year at a cost of 24.5 billion tenge.",
  "",
  "Residents gathered at the town hall on Tuesday.",
  "",
  "According to the police, 146 people died on the region's roads in 2023, more than in any year since 2015.",
  "",
  "What will change for drivers?",
].join("\n");

const suggestions = async (id: number, as: Staff = checker, query = "") => json(await call(`/api/articles/${id}/suggestions${query}`, { as }));
const dismiss = (id: number, body: unknown, as: Staff = checker) => call(`/api/articles/${id}/suggestions/dismissals`, { method: "POST", as, body });

beforeEach(async () => {
  people = await signInStaff();
  checker = people.checker;
});

describe("GET /api/articles/:id/suggestions", () => {
  it("lists the check-worthy sentences of the current revision, best first, with code-point positions into its text", async () => {
    const a = await importArticle(article, checker);
    const body = await suggestions(a.id);
    expect(body.revision.number).toBe(1);
    const quotes = body.items.map((s: { quote: string }) => s.quote);
    expect(quotes).toHaveLength(2);
    expect(quotes.join(" ")).toContain("146 people");
    expect(quotes.join(" ")).toContain("310 kilometres");
    expect(quotes.join(" ")).not.toContain("town hall");
    expect(quotes.join(" ")).not.toContain("What will change");
    for (const s of body.items) expect([...a.text].slice(s.start, s.end).join("")).toBe(s.quote);
    expect(body.items[0].score).toBeGreaterThanOrEqual(body.items[1].score);
  });

  it("leaves out a sentence that a claim already covers", async () => {
    const a = await importArticle(article, checker);
    await claimThrough(a, "146 people died", "draft", { checker, editor: people.editor });
    const quotes = (await suggestions(a.id)).items.map((s: { quote: string }) => s.quote);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toContain("310 kilometres");
  });

  it("answers 404 for an unknown article and 400 for a limit out of range", async () => {
    expect((await call("/api/articles/9999/suggestions", { as: checker })).status).toBe(404);
    const a = await importArticle(article, checker);
    const res = await call(`/api/articles/${a.id}/suggestions?limit=500`, { as: checker });
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe("invalid_input");
  });
});

describe("POST /api/articles/:id/suggestions/dismissals", () => {
  it("remembers a dismissal for the revision, with an audit event, and the suggestion is no longer listed", async () => {
    const a = await importArticle(article, checker);
    const before = await suggestions(a.id);
    const [first] = before.items;
    const res = await dismiss(a.id, { revisionId: before.revision.id, start: first.start, end: first.end });
    expect(res.status).toBe(201);
    expect((await json(res)).dismissed.quote).toBe(first.quote);
    const after = await suggestions(a.id);
    expect(after.items.map((s: { start: number }) => s.start)).not.toContain(first.start);
    const events = (await db().select().from(auditEvents)).filter((e) => e.action === "suggestion.dismiss");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: checker.id, entityType: "article_revision", entityId: before.revision.id });
  });

  it("dismissing the same suggestion again changes nothing and writes no second event", async () => {
    const a = await importArticle(article, checker);
    const { revision, items } = await suggestions(a.id);
    const body = { revisionId: revision.id, start: items[0].start, end: items[0].end };
    expect((await dismiss(a.id, body)).status).toBe(201);
    const again = await dismiss(a.id, body, people.editor);
    expect(again.status).toBe(200);
    expect((await json(again)).created).toBe(false);
    expect(await db().select().from(suggestionDismissals)).toHaveLength(1);
    expect((await db().select().from(auditEvents)).filter((e) => e.action === "suggestion.dismiss")).toHaveLength(1);
  });

  it("keeps a dismissal to its revision: a new revision suggests the sentence again, and the old one takes no more dismissals", async () => {
    const a = await importArticle(article, checker);
    const first = await suggestions(a.id);
    const target = first.items[0];
    await dismiss(a.id, { revisionId: first.revision.id, start: target.start, end: target.end });
    const revised = await call(`/api/articles/${a.id}`, { method: "PUT", as: checker, body: { version: 1, text: `${article}\n\nAn editor's note was added.` } });
    expect(revised.status).toBe(201);
    const second = await suggestions(a.id);
    expect(second.revision.number).toBe(2);
    expect(second.items.map((s: { quote: string }) => s.quote)).toContain(target.quote);
    const stale = await dismiss(a.id, { revisionId: first.revision.id, start: first.items[1].start, end: first.items[1].end });
    expect(stale.status).toBe(409);
    expect((await json(stale)).error.message).toMatch(/newer revision/);
    expect(await db().select().from(suggestionDismissals)).toHaveLength(1);
  });

  it("refuses a range that is not a suggestion (404), a revision of another article (404) and a malformed body (400), writing nothing", async () => {
    const a = await importArticle(article, checker);
    const other = await importArticle("Other\n\nThe mayor said 12 bridges were repaired.", checker);
    const { revision } = await suggestions(a.id);
    expect((await dismiss(a.id, { revisionId: revision.id, start: 0, end: 5 })).status).toBe(404);
    expect((await dismiss(other.id, { revisionId: revision.id, start: 0, end: 5 })).status).toBe(404);
    const bad = await dismiss(a.id, { revisionId: revision.id, start: 9, end: 3 });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.details[0].path).toBe("end");
    expect(await db().select().from(suggestionDismissals)).toHaveLength(0);
  });
});

const seeds = Object.entries(env.TEST_SEEDS);
const seedText = (prefix: string) => seeds.find(([f]) => f.startsWith(prefix))?.[1];

describe.runIf(seeds.length > 0)("suggestions of the sample seeds, served by the app inside workerd", () => {
  it.each([
    ["002", ["60,000 students", "540,000 people", "gathering 2,500 people", "will have drinking water"]],
    ["004", ["7 тысяч", "9 миллионов"]],
  ])("seed %s: the named claims are in the top five", async (prefix, phrases) => {
    const a = await importArticle(seedText(prefix)!, checker);
    const top = (await suggestions(a.id, checker, "?limit=5")).items.map((s: { quote: string }) => s.quote).join("\n");
    for (const phrase of phrases) expect(top).toContain(phrase);
  });
});
