/** The public site's own pages (issue 17: items 11–13): footer pages, 404 and error pages, and small reader fixes. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { screenshot, useChromium } from "./browser";
import { apiCall, loginAs, viewportShot } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const busesSlug = "city-council-says-240-new-buses-will-run-by-spring";
const browser = useChromium();
const languages = ["en", "ru", "kk"] as const;
const sizes = [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const;

/** Serious and critical axe violations on the page, one line each. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Whether the page scrolls sideways. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function newPage(viewport: { width: number; height: number }, javaScriptEnabled = true) {
  const context = await browser().newContext({ viewport, javaScriptEnabled });
  return context.newPage();
}

describe("not found (item 12)", () => {
  it.each(languages)("serves a 404 in the site's layout, with search and the footer, in %s", async (lang) => {
    for (const [size, viewport] of sizes) {
      const page = await newPage(viewport);
      const res = await page.goto(`${baseUrl}/claims/999999999?lang=${lang}`);
      expect(res?.status()).toBe(404);
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe(lang);
      await expect(page.locator("header.site-header form[role=search]").count()).resolves.toBe(1);
      await expect(page.locator("main form[role=search] input[name=q]").count()).resolves.toBe(1);
      await expect(page.locator("footer a[href='/methodology']").count()).resolves.toBe(1);
      const title = await page.locator("h1").textContent();
      expect(title).toBe({ en: "Page not found", ru: "Страница не найдена", kk: "Бет табылмады" }[lang]);
      expect(await scrollsSideways(page)).toBe(false);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `site-404-${lang}-${size}`);
      await page.context().close();
    }
  });

  it("serves the same page for an address no route knows, in the language of the lang cookie", async () => {
    const context = await browser().newContext();
    await context.addCookies([{ name: "lang", value: "ru", url: baseUrl }]);
    const page = await context.newPage();
    const res = await page.goto(`${baseUrl}/no/such/page`);
    expect(res?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Страница не найдена");
    // Searching from the 404 page lands on the results, with the words still in the box.
    await page.locator("main input[name=q]").fill("buses");
    await page.locator("main form[role=search] button").click();
    await page.waitForURL(/\/search\?q=buses/);
    await expect(page.locator("#q").inputValue()).resolves.toBe("buses");
    await context.close();
  });

  it("keeps the API's 404 as JSON", async () => {
    const res = await fetch(`${baseUrl}/api/no-such-route`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});

describe("the workspace's public page link (item 12)", () => {
  it("is disabled with a reason on an article with nothing public, and a link on one with a fact-check", async () => {
    const page = await loginAs(browser(), baseUrl, "checker@factline.local");
    const title = `Nothing public here ${Date.now()}`;
    const created = await apiCall(page, "POST", "/api/articles", { title, text: "A private draft article.\n\nIts second paragraph says 12 things.", format: "text", language: "en" });
    expect(created.status).toBe(201);
    const id = (created.body as { article: { id: number } }).article.id;
    await page.goto(`${baseUrl}/app/#/articles/${id}`);
    const link = page.locator(".public-link [aria-disabled=true]");
    await link.waitFor();
    await expect(link.getAttribute("href")).resolves.toBeNull();
    await expect(page.locator("#public-link-reason").textContent()).resolves.toContain("no fact-check on this article is published");
    await viewportShot(page, "site-public-link-disabled");
    const list = await apiCall(page, "GET", "/api/articles?limit=100");
    const buses = (list.body as { items: { id: number; slug: string }[] }).items.find((a) => a.slug === busesSlug)!;
    await page.goto(`${baseUrl}/app/#/articles/${buses.id}`);
    const live = page.locator(`.public-link a[href="/articles/${busesSlug}"]`);
    await live.waitFor();
    await expect(page.locator(".public-link [aria-disabled]").count()).resolves.toBe(0);
    await page.context().close();
  });
});

describe("small things a reader notices (item 13)", () => {
  it("names how many fact-checks there are before one is opened, not 'Fact-check – of N'", async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/articles/${busesSlug}`);
    const status = page.locator(".claim-nav-status");
    await status.waitFor();
    const text = (await status.textContent()) ?? "";
    expect(text).not.toContain("–");
    expect(text).toMatch(/^\d+ fact-checks/);
    await page.locator("a.hl").first().focus();
    await page.keyboard.press("j");
    await expect(status.textContent()).resolves.toMatch(/^Fact-check \d+ of \d+$/);
    await page.context().close();
  });

  it("prints the claim once on its public page", async () => {
    const page = await newPage({ width: 390, height: 844 }, false);
    await page.goto(`${baseUrl}/articles/${busesSlug}`);
    const href = await page.locator(".claim-card .permalink a").first().getAttribute("href");
    await page.goto(`${baseUrl}${href}`);
    const quote = ((await page.locator("h1").textContent()) ?? "").replace(/[“”]/g, "");
    expect(quote.length).toBeGreaterThan(10);
    const times = await page.locator("main").evaluate((main, q) => main.textContent!.split(q).length - 1, quote);
    expect(times).toBe(1);
    await screenshot(page, "site-claim-page-phone");
    await page.context().close();
  });

  it("keeps the words in the search box after a search", async () => {
    const page = await newPage({ width: 1280, height: 900 }, false);
    await page.goto(`${baseUrl}/`);
    await page.locator("#q").fill("electric buses");
    await page.locator("header form[role=search] button").click();
    await page.waitForURL(/\/search\?q=/);
    await expect(page.locator("#q").inputValue()).resolves.toBe("electric buses");
    await screenshot(page, "site-search-kept");
    await page.context().close();
  });
});
