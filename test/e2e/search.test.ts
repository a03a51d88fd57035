import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";
import { apiCall, loginAs, selectWithMouse, viewportShot } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
let browser: Browser;
let checker: Page;
let editor: Page;
const stamp = Date.now();
/** A word no seed article holds, so that search results are this test's own. */
const word = `zorblat${stamp % 100000}`;
const quote = `The ${word} ministry said 48,000 teachers received new laptops in 2024`;

async function publishedClaim(articleId: number, exact: string, text: string) {
  const start = [...text.slice(0, text.indexOf(exact))].length;
  const selector = [
    { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
    { type: "TextPositionSelector", start, end: start + [...exact].length },
  ];
  const created = await apiCall(checker, "POST", `/api/articles/${articleId}/claims`, { selector, ratingKey: "false" });
  expect(created.status).toBe(201);
  let claim = created.body.claim;
  for (const [action, page] of [["submit", checker], ["approve", editor], ["publish", editor]] as const) {
    const res = await apiCall(page, "POST", `/api/claims/${claim.id}/transitions`, { action, version: claim.version });
    expect(res.status).toBe(200);
    claim = res.body.claim;
  }
  return claim as { id: number };
}

beforeAll(async () => {
  browser = await launchChromium();
  checker = await loginAs(browser, baseUrl, "checker@factline.local");
  editor = await loginAs(browser, baseUrl, "editor@factline.local");
});
afterAll(async () => {
  await browser?.close();
});

describe("workspace search", () => {
  let publishedId: number;
  let draftId: number;

  beforeAll(async () => {
    const text = [`Laptops for teachers ${stamp}`, "", `${quote}.`, "", `Critics said the ${word} figures were never audited.`].join("\n");
    const imported = await apiCall(checker, "POST", "/api/articles", { text });
    expect(imported.status).toBe(201);
    const { body } = await apiCall(checker, "GET", `/api/articles/${imported.body.article.id}`);
    publishedId = (await publishedClaim(imported.body.article.id, quote, body.revision.text)).id;
    const exact = `the ${word} figures were never audited`;
    const start = [...body.revision.text.slice(0, body.revision.text.indexOf(exact))].length;
    const draft = await apiCall(checker, "POST", `/api/articles/${imported.body.article.id}/claims`, {
      selector: [
        { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
        { type: "TextPositionSelector", start, end: start + exact.length },
      ],
    });
    expect(draft.status).toBe(201);
    draftId = draft.body.claim.id;
  });

  it("is reached from the nav, used from the keyboard, and lists drafts and published claims with the hit marked", async () => {
    await checker.goto(`${baseUrl}/app/#/`);
    await checker.getByRole("link", { name: "Search" }).focus();
    await checker.keyboard.press("Enter");
    const field = checker.getByLabel("Search for");
    await field.waitFor();
    await expect.poll(() => checker.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("q");
    await checker.keyboard.type(word);
    await checker.keyboard.press("Enter");
    await checker.locator(".search-result").first().waitFor();
    const links = await checker.locator(".search-result-link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links.some((h) => h?.endsWith(`/claims/${publishedId}`))).toBe(true);
    expect(links.some((h) => h?.endsWith(`/claims/${draftId}`))).toBe(true);
    expect(await checker.locator(".search-result mark").first().textContent()).toBe(word);
    await viewportShot(checker, "workspace-search");

    // A filter narrows it: only the draft.
    await checker.getByLabel("State").selectOption("draft");
    await checker.getByRole("button", { name: "Search", exact: true }).click();
    await expect.poll(() => checker.locator(".search-result-link").count()).toBe(1);
    expect(await checker.locator(".search-result-link").getAttribute("href")).toMatch(new RegExp(`/claims/${draftId}$`));
  });

  it("shows 'already checked' fact-checks for a selection in another article, with verdict, date and score", async () => {
    const text = [`Reprint ${stamp}`, "", `Officials repeated that 48 000 teachers received new laptops in 2024 from the ${word} ministry.`, "", "Nothing else happened."].join("\n");
    const imported = await apiCall(checker, "POST", "/api/articles", { text });
    expect(imported.status).toBe(201);
    await checker.goto(`${baseUrl}/app/#/articles/${imported.body.article.id}`);
    await checker.locator(".article-text").waitFor();
    await selectWithMouse(checker, `48 000 teachers received new laptops in 2024 from the ${word} ministry`);
    const first = checker.locator(".already-checked .similar").first();
    await first.waitFor({ timeout: 10_000 });
    expect(await first.locator("a").getAttribute("href")).toMatch(new RegExp(`/claims/${publishedId}$`));
    const line = await first.locator("p").textContent();
    expect(line).toContain("False");
    expect(line).toMatch(/score \d+\.\d\d/);
    expect(await first.locator("time").count()).toBe(1);
    await viewportShot(checker, "workspace-already-checked");
  });
});
