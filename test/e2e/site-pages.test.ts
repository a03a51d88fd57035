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
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

describe("the site's own pages (item 11)", () => {
  const pages = ["/methodology", "/corrections", "/about", "/contact"] as const;

  it.each(languages)("serve %s at desktop and phone sizes: footer links, no sideways scroll, no serious axe violations", async (lang) => {
    for (const [size, viewport] of sizes) {
      const page = await newPage(viewport);
      for (const path of pages) {
        const res = await page.goto(`${baseUrl}${path}?lang=${lang}`);
        expect(res?.status(), path).toBe(200);
        await expect(page.locator("html").getAttribute("lang")).resolves.toBe(lang);
        for (const link of pages) await expect(page.locator(`footer a[href="${link}"]`).count()).resolves.toBe(1);
        expect(await scrollsSideways(page), `${path} ${size}`).toBe(false);
        expect(await seriousViolations(page), `${path} ${lang} ${size}`).toEqual([]);
        await screenshot(page, `site${path.replace("/", "-")}-${lang}-${size}`);
      }
      await page.context().close();
    }
  });

  it("explains every rating under the label admins set", async () => {
    const scale = (await (await fetch(`${baseUrl}/api/rating-scale`)).json()) as { ratings: { key: string; labels: Record<string, string> }[] };
    const page = await newPage({ width: 1280, height: 900 }, false);
    for (const lang of languages) {
      await page.goto(`${baseUrl}/methodology?lang=${lang}`);
      const shown = await page.locator(".scale-step dt").allTextContents();
      expect(shown).toEqual(scale.ratings.map((r) => r.labels[lang]));
    }
    // Published examples link to their fact-checks.
    const example = page.locator(".scale-step .example a").first();
    await expect(example.getAttribute("href")).resolves.toMatch(/^\/claims\/\d+$/);
    await page.context().close();
  });

  it("takes a suggestion through the form without JavaScript, and shows it to staff as a tip", async () => {
    const page = await newPage({ width: 390, height: 844 }, false);
    await page.goto(`${baseUrl}/contact?lang=ru`);
    // A claim left empty comes back as a sentence beside the field, the other values kept.
    await page.locator("#tip-url").fill("https://news.example/roads");
    // Only spaces: the browser lets it through ("required"), the server does not.
    await page.locator("#tip-claim").fill("   ");
    await page.locator("form.tip-form button[type=submit]").click();
    await expect(page.locator("#claim-error").textContent({ timeout: 15_000 })).resolves.toContain("Опишите утверждение");
    await expect(page.locator("#tip-url").inputValue()).resolves.toBe("https://news.example/roads");
    await expect(page.locator("#tip-claim").getAttribute("aria-invalid")).resolves.toBe("true");
    await screenshot(page, "site-contact-error-ru-phone");
    const claim = `The mayor said 90% of roads were repaired <${Date.now()}>`;
    await page.locator("#tip-claim").fill(claim);
    await page.locator("form.tip-form button[type=submit]").click();
    await page.waitForURL(/\/contact\?sent=1/, { timeout: 15_000 });
    await expect(page.locator(".notice-sent").textContent()).resolves.toContain("Спасибо");
    await screenshot(page, "site-contact-sent-ru-phone");
    await page.context().close();

    const staff = await loginAs(browser(), baseUrl, "checker@factline.local");
    await staff.locator('a.nav-link[href="#/tips"]').click();
    const tip = staff.locator(".tip-claim", { hasText: claim });
    await tip.waitFor({ timeout: 15_000 });
    // Shown as text, never as markup.
    await expect(tip.textContent()).resolves.toBe(claim);
    expect(await seriousViolations(staff)).toEqual([]);
    await viewportShot(staff, "site-workspace-tips");
    await staff.context().close();
  });

  it("lets an admin write the about page in the workspace; the public page shows it at once, escaped", async () => {
    const admin = await loginAs(browser(), baseUrl, "admin@factline.local");
    await admin.locator('a.nav-link[href="#/admin/about"]').click();
    const organisation = admin.locator("#about-organisation-en");
    await organisation.waitFor();
    const words = `Factline Newsroom <b>${Date.now()}</b>`;
    await organisation.fill(`${words}\n\nAn independent fact-checking team.`);
    await admin.locator("#about-funding-ru").fill("Пожертвования читателей.");
    const save = admin.getByRole("button", { name: "Save" });
    await save.click();
    await expect(admin.locator(".notice-ok").textContent()).resolves.toContain("Saved");
    // Focus stays on the button the person pressed.
    await expect(admin.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Save");
    expect(await seriousViolations(admin)).toEqual([]);
    await viewportShot(admin, "site-workspace-about-form");
    await admin.context().close();

    const page = await newPage({ width: 390, height: 844 }, false);
    await page.goto(`${baseUrl}/about?lang=en`);
    await expect(page.locator("#about-organisation + p").textContent()).resolves.toBe(words);
    await expect(page.locator("main b").count()).resolves.toBe(0);
    await page.goto(`${baseUrl}/about?lang=ru`);
    await expect(page.locator("main").textContent()).resolves.toContain("Пожертвования читателей.");
    await screenshot(page, "site-about-written-ru-phone");
    await page.context().close();
  });
});

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
