import { beforeEach, describe, expect, it } from "vitest";
import { call, claimThrough, importArticle, json, selectorFor, signInStaff, type Staff } from "./support";

let checker: Staff, editor: Staff;

const paragraphs = [
  "The ministry said that 60,000 farmers received subsidised loans in the spring sowing campaign.",
  "Analysts noted that prices on world markets fell by a fifth over the same period.",
  "The deputy minister said the state will buy 2 million tonnes of wheat for the reserve fund.",
];
const text = (ps: string[]) => ps.join("\n\n");
const revise = async (articleId: number, ps: string[]) => {
  const { article } = await json(await call(`/api/articles/${articleId}`, { as: checker }));
  const res = await call(`/api/articles/${articleId}`, { method: "PUT", as: checker, body: { version: article.version, text: text(ps) } });
  expect(res.status).toBe(201);
  return json(res);
};
/** The current revision's canonical text (the importer takes a first short line as the title). */
const currentText = async (articleId: number): Promise<string> => (await json(await call(`/api/articles/${articleId}`, { as: checker }))).revision.text;
const history = async (claimId: number, as = checker) => json(await call(`/api/claims/${claimId}/anchor-history`, { as }));

beforeEach(async () => {
  ({ checker, editor } = await signInStaff());
});

describe("claims followed through revisions", () => {
  it("carries an unconfirmed suggestion through later revisions and records how each step was decided", async () => {
    const article = await importArticle(text(["Grain exports", ...paragraphs]), checker);
    const claim = await claimThrough(article, "60,000 farmers received subsidised loans", "draft", { checker, editor });

    // 2: a paragraph above; 3: the claim's own words edited; 4: another paragraph above, the change still unconfirmed.
    await revise(article.id, ["Grain exports", "Correction: the loans were announced in March.", ...paragraphs]);
    const edited = paragraphs.map((p) => p.replace("60,000 farmers received subsidised", "60 000 farmers received cheap subsidised"));
    const third = await revise(article.id, ["Grain exports", "Correction: the loans were announced in March.", ...edited]);
    expect(third.claims[0].anchor).toMatchObject({ status: "changed", selector: { exact: "60 000 farmers received cheap subsidised loans" } });
    const fourthText = ["Grain exports", "A new introduction.", "Correction: the loans were announced in March.", ...edited];
    const fourth = await revise(article.id, fourthText);
    const suggested = selectorFor(await currentText(article.id), "60 000 farmers received cheap subsidised loans")[1] as { start: number; end: number };
    expect(fourth.claims[0].anchor).toMatchObject({ status: "changed", selector: { exact: "60 000 farmers received cheap subsidised loans", start: suggested.start, end: suggested.end } });

    const { claim: stored } = await json(await call(`/api/claims/${claim.id}`, { as: checker }));
    expect(stored).toMatchObject({ anchorStatus: "changed", exact: "60,000 farmers received subsidised loans" });
    expect(stored.anchorSuggestion).toMatchObject({ exact: "60 000 farmers received cheap subsidised loans", start: suggested.start });

    const { steps } = await history(claim.id);
    expect(steps.map((s: { revision: number; method: string; status: string }) => [s.revision, s.method, s.status])).toEqual([
      [1, "created", "anchored"],
      [2, "diff", "moved"],
      [3, "diff", "changed"],
      [4, "diff", "changed"],
    ]);
    expect(steps[3]).toMatchObject({ exact: "60 000 farmers received cheap subsidised loans", start: suggested.start, end: suggested.end });
    expect(steps[3].confidence).toBeLessThan(1);
  });

  it("shows a person's confirmation in the history, and follows the confirmed words from then on", async () => {
    const article = await importArticle(text(["Grain exports", ...paragraphs]), checker);
    const claim = await claimThrough(article, "2 million tonnes of wheat", "draft", { checker, editor });
    const edited = paragraphs.map((p) => p.replace("2 million tonnes", "2.5 million tonnes"));
    await revise(article.id, ["Grain exports", ...edited]);
    const { claim: flagged } = await json(await call(`/api/claims/${claim.id}`, { as: checker }));
    expect(flagged.anchorStatus).toBe("changed");
    const confirm = await call(`/api/claims/${claim.id}/anchor`, { method: "POST", as: checker, body: { version: flagged.version, selector: selectorFor(await currentText(article.id), "2.5 million tonnes of wheat") } });
    expect(confirm.status).toBe(200);
    // The claim's paragraph moves to the top: the diff loses it and the quote finds it.
    await revise(article.id, ["Grain exports", edited[2], edited[0], edited[1]]);

    const { steps } = await history(claim.id, editor);
    expect(steps.map((s: { revision: number; method: string; status: string; exact: string }) => [s.revision, s.method, s.status, s.exact])).toEqual([
      [1, "created", "anchored", "2 million tonnes of wheat"],
      [2, "diff", "changed", "2.5 million tonnes of wheat"],
      [2, "person", "anchored", "2.5 million tonnes of wheat"],
      [3, "quote", "moved", "2.5 million tonnes of wheat"],
    ]);
    expect(steps[2].actorId).toBe(checker.id);
  });

  it("answers 404 for an unknown claim and 401 to the public", async () => {
    expect((await call("/api/claims/999999/anchor-history", { as: checker })).status).toBe(404);
    expect((await call("/api/claims/1/anchor-history")).status).toBe(401);
  });
});
