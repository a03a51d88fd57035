import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";
import { inEachLanguage } from "./desk-helpers";
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

  it("links an open claim as the same claim as one already checked, from the keyboard, and undoes it; the verdict's ClaimReview lists both articles", async () => {
    const title = `Second appearance ${stamp}`;
    const text = [title, "", `Officials said 48 000 teachers got new laptops in 2024 from the ${word} ministry.`, "", "Nothing else happened."].join("\n");
    const imported = await apiCall(checker, "POST", "/api/articles", { text });
    expect(imported.status).toBe(201);
    const articleId = imported.body.article.id;
    const { body } = await apiCall(checker, "GET", `/api/articles/${articleId}`);
    const exact = `48 000 teachers got new laptops in 2024 from the ${word} ministry`;
    const start = [...body.revision.text.slice(0, body.revision.text.indexOf(exact))].length;
    const created = await apiCall(checker, "POST", `/api/articles/${articleId}/claims`, {
      selector: [
        { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
        { type: "TextPositionSelector", start, end: start + [...exact].length },
      ],
    });
    expect(created.status).toBe(201);
    const claimId: number = created.body.claim.id;

    await checker.goto(`${baseUrl}/app/#/articles/${articleId}/claims/${claimId}`);
    const match = checker.locator(`.already-checked .similar[data-claim-id="${publishedId}"]`);
    await match.waitFor({ timeout: 10_000 });
    // Keyboard only: focus the match's action and press Enter.
    const sameButton = match.getByRole("button", { name: "Same claim" });
    await sameButton.focus();
    await checker.keyboard.press("Enter");
    await match.locator(".same-claim-linked").waitFor();
    expect(await match.locator(".same-claim-linked").textContent()).toContain("Linked as the same claim");
    expect(await checker.locator(".already-checked [role=status]").textContent()).toBe(`Linked: this claim now shares the verdict of #${publishedId}.`);
    // The keyboard stays on the same match, now on its "Unlink".
    expect(await checker.evaluate(() => document.activeElement?.getAttribute("data-same-claim"))).toBe("unlink");
    expect((await apiCall(checker, "GET", `/api/claims/${claimId}`)).body.claim.sameAsId).toBe(publishedId);

    // The verdict's public ClaimReview now lists this article as a second appearance.
    const headlines = async () => {
      const html = await (await checker.request.get(`${baseUrl}/claims/${publishedId}`)).text();
      const ld = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!)).flat();
      const review = ld.find((x: { "@type"?: string }) => x["@type"] === "ClaimReview");
      const appearance = review?.itemReviewed?.appearance;
      return (Array.isArray(appearance) ? appearance : [appearance]).map((a: { headline?: string } | undefined) => a?.headline);
    };
    await expect.poll(headlines, { timeout: 10_000 }).toEqual([`Laptops for teachers ${stamp}`, title]);

    // The panel and its link pass axe in every language.
    const violations = await inEachLanguage(checker, "workspace-same-claim", () => match.locator(".same-claim-linked").waitFor(), ".already-checked");
    expect(violations).toEqual({ en: [], ru: [], kk: [] });

    // The link is undone from the same place, from the keyboard, and the panel says so.
    await match.locator(".same-claim-linked").waitFor();
    await match.getByRole("button", { name: "Unlink" }).focus();
    await checker.keyboard.press("Enter");
    await match.getByRole("button", { name: "Same claim" }).waitFor();
    expect(await checker.locator(".already-checked [role=status]").textContent()).toBe("Unlinked: this claim has its own verdict again.");
    expect(await checker.evaluate(() => document.activeElement?.getAttribute("data-same-claim"))).toBe("link");
    expect((await apiCall(checker, "GET", `/api/claims/${claimId}`)).body.claim.sameAsId).toBeNull();
  });
});
