import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, screenshot } from "./browser";
import { chooseLanguage, loginAs, viewportShot } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await loginAs(browser, baseUrl, "editor@factline.local");
});
afterAll(async () => {
  await browser?.close();
});

/** Serious and critical axe violations on the page as it is now. */
async function seriousViolations() {
  const result = await new AxeBuilder({ page: page as never }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("workspace accessibility (axe-core)", () => {
  it("has no serious or critical violations on the dashboard", async () => {
    await page.locator(".section-body:not([aria-busy])").first().waitFor();
    await expect(seriousViolations()).resolves.toEqual([]);
  });

  it("has no serious or critical violations on the article view with a claim open", async () => {
    // Found by its title: other tests' imports may have pushed it off the list's first page.
    await page.goto(`${baseUrl}/app/#/articles?q=${encodeURIComponent("Motor Rallies")}`);
    await page.getByRole("link", { name: /Motor Rallies/ }).click();
    await page.locator(".claim-link").first().click();
    await page.locator(".claim-panel .claim-quote").waitFor();
    await page.locator(".discussion .history").waitFor({ state: "attached" });
    await viewportShot(page, "workspace-article-view");
    await expect(seriousViolations()).resolves.toEqual([]);
  });

  it("has no serious or critical violations on the review queue", async () => {
    await page.goto(`${baseUrl}/app/#/queue?state=draft,in_review,changes_requested,approved&order=oldest`);
    await page.locator(".panel:not([aria-busy])").waitFor();
    await expect(seriousViolations()).resolves.toEqual([]);
  });

  it("switches the UI to Russian and Kazakh and remembers the choice", async () => {
    await chooseLanguage(page, "ru");
    // A language's strings are a chunk of their own, loaded when it is chosen.
    await page.getByRole("link", { name: "Очередь проверки" }).waitFor();
    await expect(page.getByRole("link", { name: "Очередь проверки" }).count()).resolves.toBe(1);
    await page.reload();
    await chooseLanguage(page, "kk");
    await page.getByRole("link", { name: "Тексеру кезегі" }).waitFor();
    await expect(page.getByRole("link", { name: "Тексеру кезегі" }).count()).resolves.toBe(1);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("kk");
    await screenshot(page, "workspace-queue-kk");
    await chooseLanguage(page, "en");
  });
});
