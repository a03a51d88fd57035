import { beforeEach, describe, expect, it } from "vitest";
import { pageHighlights, publicAnnotations } from "./public-read";
import { call, claimThrough, importArticle, json, selectorFor, signInStaff, type Staff } from "./support";

let checker: Staff, checker2: Staff, editor: Staff, editor2: Staff, admin: Staff;
const text = "Budget\n\nThe minister said 500 new schools will open. Critics said only 120 were built.";
const body = "The minister said 500 new schools will open. Critics said only 120 were built.";

beforeEach(async () => {
  ({ checker, checker2, editor, editor2, admin } = await signInStaff());
});

const transition = (id: number, as: Staff, payload: Record<string, unknown>) => call(`/api/claims/${id}/transitions`, { method: "POST", as, body: payload });
const detail = async (id: number, as: Staff = admin) => (await json(await call(`/api/claims/${id}`, { as }))).claim;
const page = async (slug: string) => (await call(`/articles/${slug}`)).text();
const revise = async (articleId: number, newText: string, as: Staff = editor) => {
  const { article } = await json(await call(`/api/articles/${articleId}`, { as }));
  const res = await call(`/api/articles/${articleId}`, { method: "PUT", as, body: { version: article.version, text: newText } });
  expect(res.status).toBe(201);
  return json(res);
};
const anchor = (id: number, as: Staff, version: number, articleText: string, exact: string) =>
  call(`/api/claims/${id}/anchor`, { method: "POST", as, body: { version, selector: selectorFor(articleText, exact) } });

describe("item 1: moving a published claim", () => {
  it("refuses to re-attach a public claim that is still anchored or moved, even for its author", async () => {
    const article = await importArticle(text, editor);
    const claim = await claimThrough(article, "only 120 were built", "published", { checker: editor, editor: editor2 });
    for (const as of [editor, editor2, admin]) {
      const res = await anchor(claim.id, as, claim.version, article.text, "500 new schools will open");
      expect(res.status).toBe(409);
    }
    expect(pageHighlights(await page(article.slug)).get(claim.id)).toBe("only 120 were built");
  });

  it("takes a new place for a changed public claim as a proposal; a second person confirms it before the public sees it", async () => {
    const article = await importArticle(text, editor);
    const claim = await claimThrough(article, "only 120 were built", "published", { checker: editor, editor: editor2 });
    const newBody = body.replace("only 120 were built", "only 95 were built");
    const revised = await revise(article.id, newBody);
    expect(revised.claims[0].anchor.status).toMatch(/changed|orphaned/);

    const checkerTry = await anchor(claim.id, checker, (await detail(claim.id)).version, newBody, "only 95 were built");
    expect(checkerTry.status).toBe(403);
    const proposed = await anchor(claim.id, editor, (await detail(claim.id)).version, newBody, "only 95 were built");
    expect(proposed.status).toBe(200);
    const afterProposal = (await json(proposed)).claim;
    expect(afterProposal.anchorStatus).not.toBe("anchored");
    expect(afterProposal.anchorProposal).toMatchObject({ exact: "only 95 were built", proposedBy: editor.id });

    // The public still sees the old quote, unplaced, with the note that the article changed.
    const before = await page(article.slug);
    expect(pageHighlights(before).has(claim.id)).toBe(false);
    expect(before).toContain('class="changed-after"');
    expect((await publicAnnotations(article.slug)).get(claim.id)?.exact).not.toBe("only 95 were built");

    // Not the proposer.
    const own = await call(`/api/claims/${claim.id}/anchor/confirm`, { method: "POST", as: editor, body: { version: afterProposal.version } });
    expect(own.status).toBe(403);
    const confirmed = await call(`/api/claims/${claim.id}/anchor/confirm`, { method: "POST", as: editor2, body: { version: afterProposal.version } });
    expect(confirmed.status).toBe(200);
    expect((await json(confirmed)).claim).toMatchObject({ anchorStatus: "anchored", exact: "only 95 were built", anchorProposal: null });
    expect(pageHighlights(await page(article.slug)).get(claim.id)).toBe("only 95 were built");
  });

  it("does not let someone who shaped the claim since its publication confirm its new place", async () => {
    const article = await importArticle(text, editor);
    const claim = await claimThrough(article, "only 120 were built", "published", { checker: editor, editor: editor2 });
    const newBody = body.replace("only 120 were built", "only 95 were built");
    await revise(article.id, newBody);
    // editor2 proposes a corrected verdict, so editor2 shaped the claim; editor proposes the place.
    const corr = await transition(claim.id, editor2, { action: "correct", version: (await detail(claim.id)).version, reason: "New count", ratingKey: "false" });
    expect(corr.status).toBe(200);
    const proposed = await anchor(claim.id, editor, (await detail(claim.id)).version, newBody, "only 95 were built");
    expect(proposed.status).toBe(200);
    const v = (await json(proposed)).claim.version;
    expect((await call(`/api/claims/${claim.id}/anchor/confirm`, { method: "POST", as: editor2, body: { version: v } })).status).toBe(403);
    expect((await call(`/api/claims/${claim.id}/anchor/confirm`, { method: "POST", as: admin, body: { version: v } })).status).toBe(200);
  });
});

describe("item 2: corrections", () => {
  it("keeps the old verdict public until a second editor approves a verdict-changing correction", async () => {
    const article = await importArticle(text, checker);
    const claim = await claimThrough(article, "500 new schools will open", "published", { checker, editor });
    const proposed = await transition(claim.id, editor2, { action: "correct", version: claim.version, reason: "The ministry revised the count", ratingKey: "false" });
    expect(proposed.status).toBe(200);
    const held = (await json(proposed)).claim;
    expect(held).toMatchObject({ state: "published", ratingKey: "half-true", pendingCorrection: { ratingKey: "false", proposedBy: editor2.id } });
    expect((await publicAnnotations(article.slug)).get(claim.id)?.tag).toBe("half-true");
    expect(await (await call(`/claims/${claim.id}`)).text()).not.toContain("The ministry revised the count");

    expect((await transition(claim.id, editor2, { action: "approve_correction", version: held.version })).status).toBe(403);
    const approved = await transition(claim.id, editor, { action: "approve_correction", version: held.version });
    expect(approved.status).toBe(200);
    expect((await json(approved)).claim).toMatchObject({ state: "corrected", ratingKey: "false", pendingCorrection: null, publicNote: "The ministry revised the count" });
    expect((await publicAnnotations(article.slug)).get(claim.id)?.tag).toBe("false");
  });

  it("lets one editor add a public note or retract, as audited emergency actions", async () => {
    const article = await importArticle(text, checker);
    const claim = await claimThrough(article, "500 new schools will open", "published", { checker, editor });
    const noted = await transition(claim.id, editor, { action: "correct", version: claim.version, reason: "Typo in the explanation's source title" });
    expect(noted.status).toBe(200);
    const corrected = (await json(noted)).claim;
    expect(corrected).toMatchObject({ state: "corrected", ratingKey: "half-true" });
    const retracted = await transition(claim.id, editor, { action: "retract", version: corrected.version, reason: "Source withdrawn" });
    expect(retracted.status).toBe(200);
    const history = await json(await call(`/api/claims/${claim.id}/history`, { as: admin }));
    const actions = history.items.map((e: { action: string; actorId: number }) => [e.action, e.actorId]);
    expect(actions).toEqual(expect.arrayContaining([["claim.correct", editor.id], ["claim.retract", editor.id]]));
  });
});

describe("item 3: who shaped a claim", () => {
  it("does not let an editor approve or publish their own verdict after someone else edited only the sources", async () => {
    const article = await importArticle(text, checker);
    const draft = await claimThrough(article, "500 new schools will open", "draft", { checker, editor });
    const byEditor = await call(`/api/claims/${draft.id}`, { method: "PATCH", as: editor, body: { version: draft.version, ratingKey: "false" } });
    expect(byEditor.status).toBe(200);
    const sources = await call(`/api/claims/${draft.id}`, { method: "PATCH", as: checker, body: { version: (await json(byEditor)).claim.version, sources: [{ url: "https://example.org/report" }] } });
    expect(sources.status).toBe(200);
    const submitted = await transition(draft.id, checker, { action: "submit", version: (await json(sources)).claim.version });
    const inReview = (await json(submitted)).claim;
    const approve = await transition(draft.id, editor, { action: "approve", version: inReview.version });
    expect(approve.status).toBe(403);
    expect((await json(approve)).error.message).toMatch(/shaped/);
    const other = await transition(draft.id, editor2, { action: "approve", version: inReview.version });
    expect(other.status).toBe(200);
    const publishOwn = await transition(draft.id, editor, { action: "publish", version: (await json(other)).claim.version });
    expect(publishOwn.status).toBe(403);
  });
});

describe("item 4: an approved claim that a revision changed", () => {
  it("cannot be published, goes back to review through request changes, and is re-anchored there", async () => {
    const article = await importArticle(text, checker);
    const claim = await claimThrough(article, "only 120 were built", "approved", { checker, editor });
    const newBody = body.replace("only 120 were built", "only 95 were built");
    await revise(article.id, newBody);
    let current = await detail(claim.id);
    expect(current.state).toBe("approved");
    expect((await transition(claim.id, editor2, { action: "publish", version: current.version })).status).toBe(409);
    expect((await anchor(claim.id, editor2, current.version, newBody, "only 95 were built")).status).toBe(409);
    const back = await transition(claim.id, editor2, { action: "request_changes", version: current.version, comment: "The article changed; place it again." });
    expect(back.status).toBe(200);
    current = (await json(back)).claim;
    expect(current.state).toBe("changes_requested");
    const placed = await anchor(claim.id, checker, current.version, newBody, "only 95 were built");
    expect(placed.status).toBe(200);
    const submitted = await transition(claim.id, checker, { action: "submit", version: (await json(placed)).claim.version });
    const approved = await transition(claim.id, editor2, { action: "approve", version: (await json(submitted)).claim.version });
    expect(approved.status).toBe(200);
    expect((await transition(claim.id, editor2, { action: "publish", version: (await json(approved)).claim.version })).status).toBe(200);
  });

  it("lets only editors replace the text of an article that has public claims", async () => {
    const article = await importArticle(text, checker, "https://news.example/budget-2");
    await claimThrough(article, "500 new schools will open", "published", { checker, editor });
    const put = await call(`/api/articles/${article.id}`, { method: "PUT", as: checker, body: { version: 1, text: `${body} A new sentence.` } });
    expect(put.status).toBe(403);
    const reimport = await call("/api/articles", { method: "POST", as: checker2, body: { text: `Budget\n\n${body} Another sentence.`, sourceUrl: "https://news.example/budget-2" } });
    expect(reimport.status).toBe(403);
    const byEditor = await call(`/api/articles/${article.id}`, { method: "PUT", as: editor, body: { version: 1, text: `${body} A new sentence.` } });
    expect(byEditor.status).toBe(201);
  });
});

describe("item 5: claimant descriptions", () => {
  it("shows a description publicly only once an editor other than its writer approved it", async () => {
    const article = await importArticle(text, checker);
    const claim = await claimThrough(article, "500 new schools will open", "published", { checker, editor }, { claimant: { name: "Minister Probe", description: "Unchecked words by a checker" } });
    const claimantId = (await detail(claim.id)).claimant.id;
    expect(await (await call(`/claimants/${claimantId}`)).text()).not.toContain("Unchecked words by a checker");

    const seen = await json(await call(`/api/claimants/${claimantId}`, { as: editor }));
    expect(seen.claimant).toMatchObject({ description: "Unchecked words by a checker", publicDescription: null });
    expect((await call(`/api/claimants/${claimantId}`, { method: "PATCH", as: checker, body: { version: seen.claimant.version, description: "x" } })).status).toBe(403);
    const edited = await call(`/api/claimants/${claimantId}`, { method: "PATCH", as: editor, body: { version: seen.claimant.version, description: "Minister of education" } });
    expect(edited.status).toBe(200);
    const v = (await json(edited)).claimant.version;
    expect((await call(`/api/claimants/${claimantId}/approve-description`, { method: "POST", as: editor, body: { version: v } })).status).toBe(403);
    expect((await call(`/api/claimants/${claimantId}/approve-description`, { method: "POST", as: checker, body: { version: v } })).status).toBe(403);
    expect((await call(`/api/claimants/${claimantId}/approve-description`, { method: "POST", as: editor2, body: { version: v } })).status).toBe(200);
    expect(await (await call(`/claimants/${claimantId}`)).text()).toContain("Minister of education");
  });

  it("keeps a claimant that only a deleted draft named off the public pages", async () => {
    const article = await importArticle(text, checker);
    const draft = await claimThrough(article, "500 new schools will open", "draft", { checker, editor }, { claimant: { name: "Left Behind", description: "Never reviewed" } });
    const claimantId = (await detail(draft.id)).claimant.id;
    expect((await call(`/api/claims/${draft.id}`, { method: "DELETE", as: checker, body: { version: draft.version } })).status).toBe(204);
    const res = await call(`/claimants/${claimantId}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("Left Behind");
  });
});
