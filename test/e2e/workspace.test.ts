import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, screenshot } from "./browser";
import { loginAs, openClaimId, selectWithMouse, viewportShot, waitSaved } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const seeds = process.env.FACTLINE_SEEDS ?? resolve("../shared/seeds");
const seed002 = join(seeds, readdirSync(seeds).find((f) => f.startsWith("002_"))!);
const studentsClaim = "60,000 students who graduate from Kazakhstan’s schools go abroad every year";
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Wait until the open claim's badge reads `label`, e.g. "Unverifiable · In review". */
const badgeShows = (page: Page, label: string) =>
  page.locator(".claim-panel .claim-head .badge").filter({ hasText: new RegExp(`^${label}$`) }).waitFor({ timeout: 15_000 });

describe("the fact-check loop in the workspace", () => {
  it("checker imports and submits, editor sends back, checker revises, another editor approves and publishes, and the public page shows it but never the draft", async () => {
    const checker = await loginAs(browser, baseUrl, "checker@factline.local");
    await screenshot(checker, "workspace-dashboard");

    // 1. import: a pasted article of our own is created; the seed uploaded again is flagged as a duplicate
    await checker.getByRole("link", { name: "Articles" }).click();
    const stamp = Date.now();
    await checker.getByLabel("Paste the text").fill(`Loop test ${stamp}\n\nThe mayor said ${stamp % 1000} new schools opened in 2024.`);
    await checker.getByRole("button", { name: "Import", exact: true }).click();
    await expect(checker.locator('.import-result [data-status="created"]').textContent()).resolves.toContain("Imported");
    await checker.getByLabel("Or upload a .txt, .md or .html file").setInputFiles(seed002);
    const duplicate = checker.locator('.import-result [data-status="duplicate"]');
    await duplicate.waitFor();
    await expect(duplicate.textContent()).resolves.toContain("Motor Rallies");
    await screenshot(checker, "workspace-articles-import");
    await duplicate.getByRole("link", { name: "Open" }).click();
    await checker.locator(".article-text").waitFor();

    // 2. a draft on the way, which must never become public
    await selectWithMouse(checker, "nearly 540,000 people");
    await checker.getByRole("button", { name: "New claim" }).click();
    await checker.locator(".claim-panel .claim-quote").getByText("nearly 540,000 people").waitFor();
    const draftId = openClaimId(checker);

    // 3. the claim: real mouse selection over text a published claim already covers
    await selectWithMouse(checker, studentsClaim);
    await checker.getByRole("button", { name: "New claim" }).click();
    await checker.waitForURL(new RegExp(`/claims/(?!${draftId}$)\\d+$`));
    const claimId = openClaimId(checker);
    await expect(checker.locator(".claim-panel .claim-quote").textContent()).resolves.toBe(studentsClaim);
    await expect(checker.locator(`.claim-hl[data-claim-id="${claimId}"]`).count()).resolves.toBeGreaterThan(0);

    await checker.getByLabel("Claimant", { exact: true }).fill(`Loop Party Press Office ${stamp}`);
    await checker.getByLabel("Kind").selectOption("organization");
    await checker.getByRole("button", { name: `Create new claimant “Loop Party Press Office ${stamp}”` }).click();
    await checker.locator('.new-claimant[hidden]').waitFor({ state: "attached" });
    await checker.getByLabel("Verdict").selectOption("unverifiable");
    const explanation = checker.locator(".claim-panel .rich-text-content");
    await explanation.click();
    await checker.keyboard.type("The party gives no source for the figure. ");
    await checker.keyboard.press("Control+b");
    await checker.keyboard.type("No official statistic");
    await checker.keyboard.press("Control+b");
    await checker.keyboard.type(" counts school leavers who emigrate.");
    for (const [i, url, title] of [
      [1, "https://stat.example.org/migration", "Migration statistics"],
      [2, "https://edu.example.org/abroad", "Students abroad"],
    ] as const) {
      await checker.getByRole("button", { name: "Add source" }).click();
      const source = checker.locator(".source").nth(i - 1);
      await source.getByLabel("URL").fill(url);
      await source.getByLabel("Title").fill(title);
    }
    await waitSaved(checker);
    await viewportShot(checker, "workspace-claim-panel");
    await checker.locator('[data-action="submit"]').click();
    await badgeShows(checker, "Unverifiable · In review");
    // the checker sees the editors' actions disabled, with the reason beside them
    await expect(checker.locator('[data-action="approve"]').isDisabled()).resolves.toBe(true);
    await expect(checker.locator('.action:has([data-action="approve"]) .reason').textContent()).resolves.toBe("Only editors can take this step.");

    // 4. the editor finds it in the queue, oldest first, and requests changes with a comment
    const editor = await loginAs(browser, baseUrl, "editor@factline.local");
    await editor.getByRole("link", { name: "Review queue" }).click();
    // The dashboard has claim tables too: wait for the queue's own.
    await editor.locator(".view-queue .claims-table").waitFor();
    await screenshot(editor, "workspace-review-queue");
    await editor.locator(`.view-queue .claims-table a[href$="/claims/${claimId}"]`).click();
    await editor.locator('[data-action="approve"]').waitFor();
    await editor.getByLabel("What needs to change").fill("Name the party's own statistic and link it.");
    await viewportShot(editor, "workspace-review-claim");
    await editor.locator('[data-action="request_changes"]').click();
    await badgeShows(editor, "Unverifiable · Changes requested");

    // 5. the checker sees it sent back, reads the comment, revises and resubmits
    await checker.getByRole("link", { name: "Dashboard" }).click();
    await checker.locator(`#dash-changesRequested ~ .section-body a[href$="/claims/${claimId}"]`).click();
    await checker.locator(".comment-body", { hasText: "Name the party's own statistic" }).waitFor();
    await checker.locator(".claim-panel .rich-text-content").click();
    await checker.keyboard.press("Control+End");
    await checker.keyboard.type(" The party's programme cites the figure without a source.");
    await waitSaved(checker);
    await checker.locator('[data-action="submit"]').click();
    await badgeShows(checker, "Unverifiable · In review");

    // 6. a second editor approves and publishes
    const editor2 = await loginAs(browser, baseUrl, "editor2@factline.local");
    await editor2.goto(`${baseUrl}/app/#/claims/${claimId}`);
    await editor2.locator('[data-action="approve"]:not([disabled])').click();
    await badgeShows(editor2, "Unverifiable · Approved");
    await editor2.locator('[data-action="publish"]:not([disabled])').click();
    // Publishing shows what the public will see and asks for a confirmation that names the claim.
    await editor2.locator('[data-action="confirm-publish"]').click();
    await badgeShows(editor2, "Unverifiable · Published");
    await editor2.locator(".history-box summary").click();
    await editor2.locator(".history li", { hasText: "Request changes: In review → Changes requested" }).waitFor();
    await editor2.locator(".history li", { hasText: "Publish: Approved → Published" }).waitFor();
    await viewportShot(editor2, "workspace-published-claim");

    // 7. the public page shows the claim highlighted, and never the draft
    const visitor = await browser.newPage();
    const slug = await editor2.locator(".article-head a[href^='/articles/']").getAttribute("href");
    await visitor.goto(`${baseUrl}${slug}`);
    await expect(visitor.locator(`#claim-${claimId}`).count()).resolves.toBe(1);
    await expect(visitor.locator(`a[href="#claim-${claimId}"] mark`).first().textContent()).resolves.toContain("60,000 students");
    await expect(visitor.locator(`#claim-${claimId}`).textContent()).resolves.toContain("No official statistic");
    await expect(visitor.locator(`#claim-${draftId}, a[href="#claim-${draftId}"]`).count()).resolves.toBe(0);
    await expect(visitor.content()).resolves.not.toContain("nearly 540,000 people</mark>");
    await screenshot(visitor, "workspace-public-page");
    for (const p of [checker, editor, editor2, visitor]) await p.context().close();
  });
});

describe("editing conflicts", () => {
  it("keeps both people's text when two browsers edit the same claim", async () => {
    const a = await loginAs(browser, baseUrl, "checker@factline.local");
    await a.getByRole("link", { name: "Articles" }).click();
    await a.getByRole("link", { name: /240 New Buses/ }).click();
    await selectWithMouse(a, "fares would stay at 150 tenge");
    await a.getByRole("button", { name: "New claim" }).click();
    await waitSaved(a);
    const claimId = openClaimId(a);

    const b = await loginAs(browser, baseUrl, "editor@factline.local");
    await b.goto(a.url());
    await b.locator(".claim-panel .rich-text-content").waitFor();

    // B is already in the explanation when A saves: the live desk only says so, and never redraws under B.
    await b.locator(".claim-panel .rich-text-content").click();
    await a.locator(".claim-panel .rich-text-content").click();
    await a.keyboard.type("Alpha: the checker found the fare table.");
    await waitSaved(a);
    await b.locator(".claim-panel .live-change", { hasText: "Chen Checker" }).waitFor();

    await b.keyboard.type("Beta: the editor adds the 2023 tariff decision.");
    const conflict = b.locator(".conflict");
    await conflict.waitFor({ timeout: 15_000 });
    await expect(conflict.locator(".theirs").first().textContent()).resolves.toContain("Alpha");
    await expect(conflict.locator(".yours").first().textContent()).resolves.toContain("Beta");
    await viewportShot(b, "workspace-conflict");
    await conflict.getByRole("button", { name: "Merge both" }).click();
    await waitSaved(b);
    // the editor also sets the verdict (nothing without one can be approved), so they edited last
    await b.getByLabel("Verdict").selectOption("mostly-true");
    await waitSaved(b);

    await a.reload();
    const text = a.locator(".claim-panel .rich-text-content");
    await text.waitFor();
    await expect(text.textContent()).resolves.toMatch(/Alpha: the checker found the fare table\.[\s\S]*Beta: the editor adds the 2023 tariff decision\./);
    expect(openClaimId(a)).toBe(claimId);

    // four eyes: the editor shaped it (set the verdict), so once submitted their approval is disabled with the reason
    await a.locator('[data-action="submit"]').click();
    await a.locator(".claim-panel .claim-head .badge", { hasText: "In review" }).waitFor();
    await b.reload();
    const approve = b.locator('[data-action="approve"]');
    await approve.waitFor();
    await expect(approve.isDisabled()).resolves.toBe(true);
    await expect(b.locator('.action:has([data-action="approve"]) .reason').textContent()).resolves.toMatch(/^Four eyes: you shaped this claim since its last publication/);
    await viewportShot(b, "workspace-four-eyes");
    for (const p of [a, b]) await p.context().close();
  });
});

describe("keyboard only", () => {
  it("creates a claim from a selection made and confirmed with the keyboard alone", async () => {
    const page = await loginAs(browser, baseUrl, "checker2@factline.local");
    await page.goto(`${baseUrl}/app/#/articles?q=transport%20campaigners`);
    await page.locator("table a").first().waitFor();
    // Tab to the article link, open it, then Tab into the article text
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.tagName === "A" && document.activeElement.textContent!.includes("240 New Buses"))); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.locator(".article-text").waitFor();
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.classList.contains("article-text"))); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Control+Home");
    // Extend the selection key by key until it covers the phrase, as a person would: a claim label
    // that another test left at the start of this text can take a key press of its own.
    const target = "The city council announced";
    for (let i = 0; i < target.length + 10 && (await page.evaluate(() => document.getSelection()!.toString().trim())) !== target; i++) {
      await page.keyboard.press("Shift+ArrowRight");
    }
    await page.keyboard.press("n");
    await page.locator(".claim-panel .claim-quote").waitFor();
    await expect(page.locator(".claim-panel .claim-quote").textContent()).resolves.toBe("The city council announced");
    // focus lands in the claimant field; the rest follows by Tab
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).name)).resolves.toBe("claimant");
    await page.keyboard.type("City Council");
    // "City Council" exists already, so no "kind" field appears; Tab on to the verdict
    for (let i = 0; i < 5 && (await page.evaluate(() => (document.activeElement as HTMLSelectElement).name)) !== "verdict"; i++) await page.keyboard.press("Tab");
    await expect(page.evaluate(() => (document.activeElement as HTMLSelectElement).name)).resolves.toBe("verdict");
    await page.keyboard.press("ArrowDown");
    await waitSaved(page);
    await expect(page.locator(".claim-panel select[name=verdict]").inputValue()).resolves.toBe("true");
    await viewportShot(page, "workspace-keyboard-claim");
    await page.context().close();
  });
});
