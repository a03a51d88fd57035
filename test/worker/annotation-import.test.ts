import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import articleText from "../fixtures/annotations/article.txt?raw";
import hypothesisFixture from "../fixtures/annotations/hypothesis-search.json?raw";
import w3cCollectionFixture from "../fixtures/annotations/w3c-collection.json?raw";
import w3cSingleFixture from "../fixtures/annotations/w3c-annotation.json?raw";
import { call, claimThrough, json, signInStaff, type Staff, type Who } from "./support";

let people: Record<Exclude<Who, "public">, Staff>;
let article: { id: number; slug: string; text: string };

const hypothesis = JSON.parse(hypothesisFixture);
const w3cCollection = JSON.parse(w3cCollectionFixture);
const w3cSingle = JSON.parse(w3cSingleFixture);
const importInto = (body: unknown, as: Staff | null = people.checker, id = article.id) => call(`/api/articles/${id}/annotations/import`, { method: "POST", as, body });
const count = async (table: string) => (await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n;

beforeEach(async () => {
  people = await signInStaff();
  const body = { title: "Bridges and schools", text: articleText.trim(), sourceUrl: "https://news.example/bridges-and-schools" };
  const created = await json(await call("/api/articles", { method: "POST", as: people.checker, body }));
  const { revision } = await json(await call(`/api/articles/${created.article.id}`, { as: people.checker }));
  article = { ...created.article, text: revision.text };
});

describe("POST /api/articles/:id/annotations/import", () => {
  it("places a Hypothesis search result through the re-anchoring engine and reports each outcome", async () => {
    const res = await importInto(hypothesis);
    expect(res.status).toBe(201);
    const report = await json(res);
    expect(report.counts).toEqual({ anchored: 1, moved: 1, changed: 1, orphaned: 1, skipped: 2, invalid: 0 });
    expect(report.created).toBe(3);
    const byId = Object.fromEntries(report.items.map((i: any) => [i.id, i]));
    expect(byId.hA1nch0red).toMatchObject({ status: "anchored", exact: "12 bridges were repaired", claimId: expect.any(Number) });
    expect(byId.hM0ved0001).toMatchObject({ status: "moved", exact: "40 new schools opened" });
    // The quote said 3,500; the text says 3,000: a suggestion for a person, never a silent placement.
    expect(byId.hChang3d01).toMatchObject({ status: "changed", exact: "3,000 teachers were hired" });
    expect(byId.hOrphan001).toMatchObject({ status: "orphaned", exact: "the minister resigned after the vote" });
    expect(byId.hOrphan001.claimId).toBeUndefined();
    expect(byId.hPageN0te1).toMatchObject({ status: "skipped", reason: expect.stringContaining("TextQuoteSelector") });
    expect(byId.hR3ply0001).toMatchObject({ status: "skipped", reason: expect.stringContaining("reply") });

    // Drafts of the importer, placed where the report says, with the annotation in a comment.
    const claim = (await json(await call(`/api/claims/${byId.hA1nch0red.claimId}`, { as: people.checker }))).claim;
    expect(claim).toMatchObject({ state: "draft", ratingKey: null, exact: "12 bridges were repaired", anchorStatus: "anchored" });
    expect([...article.text].slice(claim.start, claim.end).join("")).toBe("12 bridges were repaired");
    const { items: comments } = await json(await call(`/api/claims/${claim.id}/comments`, { as: people.checker }));
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain("Imported from Hypothesis annotation hA1nch0red by Reader One");
    expect(comments[0].body).toContain("https://hypothes.is/a/hA1nch0red");
    expect(comments[0].body).toContain("Tags: numbers, infrastructure");
    expect(comments[0].body).toContain("Ministry data show 9 bridges, not 12.");
    const changed = (await json(await call(`/api/claims/${byId.hChang3d01.claimId}`, { as: people.checker }))).claim;
    expect(changed).toMatchObject({ state: "draft", anchorStatus: "changed", authorId: people.checker.id });
    const history = await json(await call(`/api/claims/${claim.id}/history`, { as: people.checker }));
    expect(history.items.map((e: any) => e.action)).toEqual(["claim.import"]);
  });

  it("imports W3C JSON-LD: a collection, a single annotation and an array", async () => {
    const res = await importInto(w3cCollection, people.editor);
    expect(res.status).toBe(201);
    const report = await json(res);
    expect(report.counts).toEqual({ anchored: 1, moved: 1, changed: 0, orphaned: 0, skipped: 1, invalid: 1 });
    const byId = Object.fromEntries(report.items.map((i: any) => [i.id, i]));
    expect(byId["https://annotations.example/anno/roads-budget"]).toMatchObject({ status: "anchored", exact: "the budget for roads fell by a fifth" });
    // A FragmentSelector refined by a quote, without a position: found by its quote.
    expect(byId["https://annotations.example/anno/city-hall"]).toMatchObject({ status: "moved", exact: "the city hall was renovated twice" });
    expect(byId["https://annotations.example/anno/whole-page"]).toMatchObject({ status: "skipped", reason: expect.stringContaining("whole document") });
    expect(report.items.find((i: any) => i.status === "invalid").reason).toContain("id");
    const { items: comments } = await json(await call(`/api/claims/${byId["https://annotations.example/anno/roads-budget"].claimId}/comments`, { as: people.editor }));
    expect(comments[0].body).toMatch(/W3C Web Annotation annotation https:\/\/annotations\.example\/anno\/roads-budget by Checker B[\s\S]*Tags: budget[\s\S]*The budget fell by 12%/);

    // The same annotation alone, and in an array, is already there: nothing new.
    for (const doc of [w3cSingle, [w3cSingle]]) {
      const again = await importInto(doc, people.checker2);
      expect(again.status).toBe(200);
      expect((await json(again)).items).toEqual([expect.objectContaining({ status: "skipped", reason: expect.stringContaining("already imported") })]);
    }
  });

  it("is idempotent: importing the same annotations again creates nothing", async () => {
    expect((await importInto(hypothesis)).status).toBe(201);
    const before = { claims: await count("claims"), comments: await count("comments"), audit: await count("audit_events") };
    const again = await importInto(hypothesis, people.editor);
    expect(again.status).toBe(200);
    const report = await json(again);
    // Placed ones are skipped as already imported; the orphan is looked for again and still not placed.
    expect(report.counts).toEqual({ anchored: 0, moved: 0, changed: 0, orphaned: 1, skipped: 5, invalid: 0 });
    expect(report.created).toBe(0);
    expect({ claims: await count("claims"), comments: await count("comments"), audit: await count("audit_events") }).toEqual(before);
  });

  it("imports an annotation again once its draft was deleted, and reports a malformed quote as invalid", async () => {
    const one = { rows: [hypothesis.rows[0], { ...hypothesis.rows[1], id: "empty-quote", target: [{ source: "x", selector: [{ type: "TextQuoteSelector", exact: "" }] }] }] };
    const first = await json(await importInto(one));
    expect(first.counts).toMatchObject({ anchored: 1, invalid: 1 });
    expect(first.items.find((i: any) => i.id === "empty-quote").reason).toContain("TextQuoteSelector");
    const claimId = first.items[0].claimId;
    expect((await call(`/api/claims/${claimId}`, { method: "DELETE", as: people.checker, body: { version: 1 } })).status).toBe(204);
    const again = await importInto(one);
    expect(again.status).toBe(201);
    const report = await json(again);
    expect(report.items[0]).toMatchObject({ status: "anchored", claimId: expect.any(Number) });
    expect(report.items[0].claimId).not.toBe(claimId);
  });

  it("never shows imported drafts to the public, beside a published claim of the same article", async () => {
    await importInto(hypothesis);
    const published = await claimThrough(article, "the city hall was renovated twice", "published", { checker: people.checker, editor: people.editor });
    const res = await call(`/api/public/annotations?url=${encodeURIComponent("https://news.example/bridges-and-schools")}`);
    expect(res.status).toBe(200);
    const collection = await json(res);
    expect(collection.total).toBe(1);
    expect(JSON.stringify(collection)).toContain("the city hall was renovated twice");
    expect(JSON.stringify(collection)).not.toMatch(/12 bridges were repaired|Ministry data|hypothes\.is/);
    const page = await (await call(`/articles/${article.slug}`)).text();
    expect(page).toContain(`/claims/${published.id}`);
    expect(page).not.toMatch(/Ministry data|Reader One|hypothes\.is/);
    const imported = (await env.DB.prepare("select id from claims where imported_from is not null").all<{ id: number }>()).results;
    expect(imported).toHaveLength(3);
    for (const { id } of imported) expect((await call(`/claims/${id}`)).status).toBe(404);
  });

  it("lets staff import and nobody else", async () => {
    expect((await importInto(hypothesis, null)).status).toBe(401);
    for (const who of ["checker2", "editor2", "admin"] as const) {
      const res = await importInto({ rows: [{ ...hypothesis.rows[0], id: `by-${who}` }] }, people[who]);
      expect(res.status, who).toBe(201);
    }
    // A token acts with its owner's role.
    const { token } = await json(await call("/api/auth/tokens", { method: "POST", as: people.checker, body: { name: "import" } }));
    const viaToken = await call(`/api/articles/${article.id}/annotations/import`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: { rows: [{ ...hypothesis.rows[0], id: "by-token" }] } });
    expect(viaToken.status).toBe(201);
  });

  it("answers bad input with a clear 4xx and writes nothing", async () => {
    const before = { claims: await count("claims"), comments: await count("comments"), audit: await count("audit_events") };
    const bad: [unknown, number, string][] = [
      ["not json at all", 400, "bad_request"],
      [{ rows: [] }, 400, "invalid_input"],
      [{ hello: "world" }, 400, "invalid_input"],
      [{ rows: Array.from({ length: 201 }, (_, i) => ({ ...hypothesis.rows[0], id: `n${i}` })) }, 400, "invalid_input"],
      // Read, but none of it is an annotation we can use.
      [{ rows: [{ id: "x", target: [] }] }, 400, "invalid_annotations"],
    ];
    for (const [body, status, code] of bad) {
      const res = await importInto(body);
      const answer = await json(res);
      expect({ status: res.status, code: answer.error?.code }, JSON.stringify(body).slice(0, 60)).toEqual({ status, code });
      expect(answer.error.message.length).toBeGreaterThan(10);
    }
    expect((await importInto(hypothesis, people.checker, 999999)).status).toBe(404);
    expect({ claims: await count("claims"), comments: await count("comments"), audit: await count("audit_events") }).toEqual(before);
  });

  it("places annotations on the current revision after the article changed", async () => {
    const revised = article.text.replace("Officials added", "The governor's office added");
    const put = await call(`/api/articles/${article.id}`, { method: "PUT", as: people.checker, body: { version: 1, text: revised } });
    expect(put.status).toBe(201);
    const report = await json(await importInto(hypothesis));
    expect(report.counts).toMatchObject({ anchored: 1, moved: 1, changed: 1, orphaned: 1 });
    const { claim } = await json(await call(`/api/claims/${report.items.find((i: any) => i.id === "hM0ved0001").claimId}`, { as: people.checker }));
    expect([...revised].slice(claim.start, claim.end).join("")).toBe("40 new schools opened");
  });
});
