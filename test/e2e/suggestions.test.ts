import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";
import { apiCall, loginAs, openClaimId, viewportShot } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;
let articleId: number;

const sentences = {
  migration: "According to the statistics office, 48,000 residents left the region in 2023, the highest number in a decade.",
  bridge: "The mayor said the new bridge cost 12 billion tenge, twice the original estimate.",
  broadband: "Officials claimed that 70 percent of households now have broadband.",
};
const article = (stamp: number) =>
  [`Suggestions test ${stamp}`, "The city opened a new library on Monday.", sentences.migration, "We hope everyone enjoys it.", sentences.bridge, sentences.broadband, "What comes next?"].join(
    "\n\n",
  );

const listed = () => page.locator(".suggestion-list li.suggestion .suggestion-quote").allTextContents();
const underlined = () => page.locator(".article-text .suggestion-hl").allTextContents();

beforeAll(async () => {
  browser = await launchChromium();
  page = await loginAs(browser, baseUrl, "checker@factline.local");
  const created = await apiCall(page, "POST", "/api/articles", { text: article(Date.now()) });
  expect(created.status).toBe(201);
  articleId = created.body.article.id;
});
afterAll(async () => {
  await browser?.close();
});

async function openArticle() {
  await page.goto(`${baseUrl}/app/#/articles/${articleId}`);
  // From a claim of the same article only the hash changes: load afresh, so no locator finds the old view's list.
  await page.reload();
  await page.locator(".article-text").waitFor();
  await page.locator(".suggestion-list li").first().waitFor();
}

describe("check-worthy suggestions in the article view", () => {
  it("underlines the suggested sentences faintly and lists them in the suggestions slot", async () => {
    await openArticle();
    const quotes = await listed();
    expect(quotes).toHaveLength(3);
    expect(quotes.join("\n")).toContain("48,000 residents");
    expect(quotes.join("\n")).not.toContain("library");
    expect((await underlined()).sort()).toEqual(Object.values(sentences).sort());
    await viewportShot(page, "workspace-suggestions");
  });

  it("has no serious or critical axe violations with suggestions shown", async () => {
    const result = await new AxeBuilder({ page: page as never }).analyze();
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);
  });

  it("turns a suggestion into a new claim with the sentence as its selection, and stops suggesting it", async () => {
    await openArticle();
    await page.locator(".suggestion-list li", { hasText: "12 billion tenge" }).getByRole("button", { name: "Make claim" }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    const claimId = openClaimId(page);
    await expect(page.locator(".claim-panel .claim-quote").textContent()).resolves.toBe(sentences.bridge);
    await expect(page.locator(`.claim-hl[data-claim-id="${claimId}"]`).count()).resolves.toBeGreaterThan(0);
    await page.locator(".suggestion-list li", { hasText: "12 billion tenge" }).waitFor({ state: "detached" });
    expect(await underlined()).not.toContain(sentences.bridge);
  });

  it("dismisses a suggestion, and it stays dismissed after a reload", async () => {
    await openArticle();
    await page.locator(".suggestion-list li", { hasText: "70 percent" }).getByRole("button", { name: "Dismiss" }).click();
    await page.getByText("Suggestion dismissed for this revision.").waitFor();
    await page.reload();
    await page.locator(".article-text").waitFor();
    await page.locator(".suggestion-list li").first().waitFor();
    const quotes = await listed();
    expect(quotes.join("\n")).not.toContain("70 percent");
    expect(quotes.join("\n")).toContain("48,000 residents");
    expect(await underlined()).not.toContain(sentences.broadband);
  });

  it("works from the keyboard: Tab to a suggestion's Make claim, Enter, and the claim opens", async () => {
    await openArticle();
    await page.locator("#suggestions-title").focus();
    // heading → the quote (shows it in the text) → Make claim
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.classList.contains("suggestion-quote"))).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await expect(page.locator(".suggestion-hl.is-active").textContent()).resolves.toBe(sentences.migration);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Make claim");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/claims\/\d+$/);
    await expect(page.locator(".claim-panel .claim-quote").textContent()).resolves.toBe(sentences.migration);
    await page.locator(".suggestion-list li.empty").waitFor();
  });
});
