/**
 * Re-anchoring in the workspace, on an article of its own (other e2e files use the demo articles):
 * a published claim whose figure changes is flagged, shown with its old and new context, and
 * confirmed by an editor; a draft whose sentence is deleted is re-attached to a selection.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, screenshot } from "./browser";
import { apiCall, loginAs, openClaimId, selectWithMouse, viewportShot, waitSaved } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const stamp = Date.now();
const busesClaim = "240 new electric buses will be on the streets by April";
const depotClaim = "the old depot in the Almaty district will be rebuilt before the summer";
const original = [
  `Reanchor check ${stamp}: council promises new buses by spring`,
  `The city council announced on Monday that ${busesClaim}, according to the transport department.`,
  `Officials said ${depotClaim}.`,
  `Transport campaigners welcomed the plan but asked for more night routes (case ${stamp}).`,
].join("\n\n");
let browser: Browser;
let checker: Page;
let editor: Page;
let articleId = 0;
let publishedId = 0;
let draftId = 0;

/** Take a workflow step on a claim through the API, at its current version. */
async function transition(page: Page, claimId: number, action: string) {
  const { body } = await apiCall(page, "GET", `/api/claims/${claimId}`);
  const res = await apiCall(page, "POST", `/api/claims/${claimId}/transitions`, { action, version: body.claim.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Serious and critical axe-core violations on the page as it is now. */
async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page: page as never }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The needs-attention card of a claim in the article view. */
const card = (page: Page, claimId: number) => page.locator(`.attention-card[data-claim-id="${claimId}"]`);

beforeAll(async () => {
  browser = await launchChromium();
  checker = await loginAs(browser, baseUrl, "checker@factline.local");
  editor = await loginAs(browser, baseUrl, "editor@factline.local");
});
afterAll(async () => {
  await browser?.close();
});

describe("re-anchoring in the workspace", () => {
  it("sets up: a checker imports an article and writes two claims; one is approved and published", async () => {
    await checker.getByRole("link", { name: "Articles" }).click();
    await checker.getByLabel("Paste the text").fill(original);
    await checker.getByRole("button", { name: "Import", exact: true }).click();
    await checker.locator('.import-result [data-status="created"]').getByRole("link", { name: "Open" }).click();
    await checker.locator(".article-text").waitFor();
    articleId = Number(/#\/articles\/(\d+)/.exec(checker.url())![1]);

    await selectWithMouse(checker, busesClaim);
    await checker.getByRole("button", { name: "New claim" }).click();
    await checker.locator(".claim-panel .claim-quote").getByText(busesClaim).waitFor();
    publishedId = openClaimId(checker);
    await checker.getByLabel("Claimant", { exact: true }).fill("City Council");
    await checker.getByLabel("Claimant", { exact: true }).press("Enter");
    await checker.getByLabel("Verdict").selectOption("mostly-false");
    await waitSaved(checker);

    await selectWithMouse(checker, depotClaim);
    await checker.getByRole("button", { name: "New claim" }).click();
    await checker.waitForURL(new RegExp(`/claims/(?!${publishedId}$)\\d+$`));
    draftId = openClaimId(checker);
    await waitSaved(checker);

    await transition(checker, publishedId, "submit");
    await transition(editor, publishedId, "approve");
    const editor2 = await loginAs(browser, baseUrl, "editor2@factline.local");
    await transition(editor2, publishedId, "publish");
    await editor2.context().close();
  });

  it("an editor updates the text and sees what happened to each claim", async () => {
    await editor.goto(`${baseUrl}/app/#/articles/${articleId}`);
    await editor.locator(`.claim-hl[data-claim-id="${publishedId}"]`).first().waitFor();
    await editor.getByRole("button", { name: "Update text" }).click();
    const text = editor.getByLabel("Corrected text");
    // The box starts with the current text; the publisher's correction is typed into it.
    const current = await text.inputValue();
    expect(current).toContain(busesClaim);
    await text.fill(current.replace("240 new electric buses", "200 new electric buses").replace(`Officials said ${depotClaim}.`, "A new depot opens in the Yesil district in June."));
    await viewportShot(editor, "workspace-update-text");
    await editor.getByRole("button", { name: "Save new revision" }).click();

    const outcome = editor.locator(".reanchor-outcome");
    await outcome.waitFor();
    await expect(outcome.locator("h2").textContent()).resolves.toBe("Revision 2 saved. What happened to each claim:");
    await expect(outcome.locator(`tr[data-claim-id="${publishedId}"]`).getAttribute("data-anchor-status")).resolves.toBe("changed");
    await expect(outcome.locator(`tr[data-claim-id="${publishedId}"] .badge`).textContent()).resolves.toMatch(/^Changed · Confidence \d+%$/);
    expect(["orphaned", "changed"]).toContain(await outcome.locator(`tr[data-claim-id="${draftId}"]`).getAttribute("data-anchor-status"));
    await expect(editor.locator(".article-head").textContent()).resolves.toContain("Revision 2");
    // neither claim is drawn over the new text: their offsets still point into revision 1
    await expect(editor.locator(`.claim-hl[data-claim-id="${publishedId}"], .claim-hl[data-claim-id="${draftId}"]`).count()).resolves.toBe(0);
    await viewportShot(editor, "workspace-reanchor-outcome");
  });

  it("lists the changed claim with its old context beside the suggested new one", async () => {
    const changed = card(editor, publishedId);
    await changed.waitFor();
    await expect(changed.getAttribute("data-anchor-status")).resolves.toBe("changed");
    await expect(changed.locator(".context-old mark").textContent()).resolves.toBe(busesClaim);
    await expect(changed.locator(".context-old blockquote").textContent()).resolves.toContain("announced on Monday that 240 new electric buses");
    await expect(changed.locator(".context-new mark").textContent()).resolves.toContain("200 new electric buses");
    await expect(changed.locator(".attention-head").textContent()).resolves.toMatch(/Confidence \d+%/);
    await expect(changed.locator(".attention-head").textContent()).resolves.toContain("Published: editors must re-review");
    await viewportShot(editor, "workspace-needs-attention");
    await expect(seriousViolations(editor)).resolves.toEqual([]);

    // the same claim on the cross-article list and on the dashboard
    await editor.goto(`${baseUrl}/app/#/flagged`);
    await card(editor, publishedId).locator(".context-new mark").waitFor();
    await expect(card(editor, publishedId).getByRole("link", { name: "Open in the article to re-attach" }).count()).resolves.toBe(1);
    await screenshot(editor, "workspace-flagged");
    await expect(seriousViolations(editor)).resolves.toEqual([]);
    await editor.goto(`${baseUrl}/app/#/`);
    await editor.locator(`[data-section="navFlagged"] a[href$="/claims/${publishedId}"]`).waitFor();
  });

  it("shows the revisions with a diff marked as inserted and deleted in words", async () => {
    await editor.goto(`${baseUrl}/app/#/articles/${articleId}`);
    await editor.getByRole("button", { name: "Revisions" }).click();
    const diff = editor.locator(".diff");
    await diff.waitFor();
    await expect(diff.locator("h3").textContent()).resolves.toBe("Changes from revision 1 to revision 2");
    await expect(diff.locator("del").allTextContents()).resolves.toContain("− deleted: 240");
    await expect(diff.locator("ins").allTextContents()).resolves.toContain("+ inserted: 200");
    await expect(editor.locator(".revision-list li").count()).resolves.toBe(2);
    await viewportShot(editor, "workspace-revisions");
    await expect(seriousViolations(editor)).resolves.toEqual([]);
  });

  it("tells a checker why they may not move a published fact-check", async () => {
    // the checker's page still shows revision 1: a hash change alone would keep it, so load afresh
    await checker.goto(`${baseUrl}/app/#/articles/${articleId}`);
    await checker.reload();
    const changed = card(checker, publishedId);
    await changed.locator('[data-action="confirm-suggestion"]').click();
    await changed.locator(".form-error", { hasText: "Only editors can propose a new place for a public fact-check." }).waitFor();
  });

  it("a checker re-attaches their orphaned draft to a selection in the new text", async () => {
    const draft = card(checker, draftId);
    await expect(draft.locator(".context-old mark").textContent()).resolves.toBe(depotClaim);
    await draft.locator('[data-action="reattach"]').click();
    await draft.locator(".form-error", { hasText: "Select the words of the claim in the article first." }).waitFor();
    await selectWithMouse(checker, "A new depot opens in the Yesil district in June");
    await draft.locator('[data-action="reattach"]').click();
    await checker.getByText(`Claim #${draftId} is now placed in the current text.`).waitFor();
    await card(checker, draftId).waitFor({ state: "detached" });
    await expect(checker.locator(`.claim-hl[data-claim-id="${draftId}"]`).first().textContent()).resolves.toBe("A new depot opens in the Yesil district in June");
  });

  it("the editor proposes the suggested place; the public keeps the old state until a second editor confirms it", async () => {
    await editor.reload();
    await card(editor, publishedId).locator('[data-action="confirm-suggestion"]').click();
    await editor.getByText(`New place for claim #${publishedId} proposed; another editor confirms it before readers see it.`).waitFor();
    const own = card(editor, publishedId).locator('[data-action="confirm-proposal"]');
    await own.waitFor();
    await expect(own.isDisabled()).resolves.toBe(true);
    const slug = await editor.locator(".article-head a[href^='/articles/']").getAttribute("href");
    const early = await browser.newPage();
    await early.goto(`${baseUrl}${slug}`);
    await expect(early.locator(`a[href="#claim-${publishedId}"] mark`).count()).resolves.toBe(0);
    await early.close();

    const editor2 = await loginAs(browser, baseUrl, "editor2@factline.local");
    await editor2.goto(`${baseUrl}/app/#/articles/${articleId}`);
    await card(editor2, publishedId).locator('[data-action="confirm-proposal"]').click();
    await editor2.getByText(`Claim #${publishedId} is now placed in the current text.`).waitFor();
    await expect(editor2.locator(`.claim-hl[data-claim-id="${publishedId}"]`).first().textContent()).resolves.toContain("200 new electric buses");
    await editor2.context().close();
    const flagged = await apiCall(editor, "GET", `/api/claims?flagged=true&articleId=${articleId}`);
    expect(flagged.body.items.map((c: { id: number }) => c.id)).not.toContain(publishedId);

    const visitor = await browser.newPage();
    await visitor.goto(`${baseUrl}${slug}`);
    await expect(visitor.locator(`a[href="#claim-${publishedId}"] mark`).first().textContent()).resolves.toContain("200 new electric buses");
    await expect(visitor.locator(`#claim-${publishedId} .changed-after`).textContent()).resolves.toMatch(/changed on \d{4}-\d{2}-\d{2}, after this fact-check/);
    // the draft stays private, wherever it is anchored
    await expect(visitor.locator(`#claim-${draftId}, a[href="#claim-${draftId}"]`).count()).resolves.toBe(0);
    await screenshot(visitor, "workspace-reanchor-public");
    await visitor.close();
  });

  it("shows the claim's place in every revision and what decided each step", async () => {
    await editor.goto(`${baseUrl}/app/#/articles/${articleId}/claims/${publishedId}`);
    await editor.locator(".claim-panel .anchor-history-toggle summary").click();
    const rows = editor.locator(".claim-panel .anchor-history tbody tr");
    await rows.nth(2).waitFor();
    // made by the checker on revision 1; the figure's change found by the diff on revision 2; confirmed there by the editor
    expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-method"), tr.getAttribute("data-status")]))).toEqual([
      ["created", "anchored"],
      ["diff", "changed"],
      ["person", "anchored"],
    ]);
    await expect(rows.nth(1).textContent()).resolves.toContain("the diff between revisions");
    await expect(rows.nth(2).locator("q").textContent()).resolves.toContain("200 new electric buses");
    // axe on the history panel itself (the article's claim tags are checked, or not, by the tests above)
    const result = await new AxeBuilder({ page: editor as never }).include(".claim-panel .anchor-history-panel").analyze();
    expect(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
});
