import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { codePointIndex, codePointLength } from "../../schema/text/code-points";
import { describeRange } from "../../worker/domain/text-selector";
import { launchChromium, screenshot } from "./browser";

const baseUrl = inject("baseUrl");
const busesSlug = "city-council-says-240-new-buses-will-run-by-spring";
const busesSourceUrl = "https://www.example.org/";
const demoQuote = "240 new electric buses will be on the streets by April";
// Published here, in the article's third paragraph, so the article has two claims to move between.
const secondQuote = "the council had promised 300 buses in 2022 and delivered fewer than 100";
const password = process.env.DEMO_PASSWORD ?? "factline-demo";

let browser: Browser;
const claimIds: Record<string, string> = {};

async function login(email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

async function api<T>(cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { method, headers: { cookie, origin: baseUrl, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Publish a second fact-check on the demo buses article through the real API and workflow (checker, then editor). */
async function publishSecondClaim() {
  const checker = await login("checker@factline.local");
  const editor = await login("editor@factline.local");
  const list = await api<{ items: { id: number; slug: string }[] }>(checker, "GET", "/api/articles?limit=100");
  const articleId = list.items.find((a) => a.slug === busesSlug)?.id;
  if (!articleId) throw new Error("the demo buses article is not seeded");
  const { revision } = await api<{ revision: { text: string } }>(checker, "GET", `/api/articles/${articleId}`);
  const start = codePointIndex(revision.text, revision.text.indexOf(secondQuote));
  const sel = describeRange(revision.text, start, start + codePointLength(secondQuote));
  let { claim } = await api<{ claim: { id: number; version: number } }>(checker, "POST", `/api/articles/${articleId}/claims`, {
    selector: [
      { type: "TextQuoteSelector", exact: sel.exact, prefix: sel.prefix, suffix: sel.suffix },
      { type: "TextPositionSelector", start: sel.start, end: sel.end },
    ],
    claimant: { name: "Transport campaigners", kind: "organization", description: null },
    ratingKey: "true",
    explanation: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The 2022 plan promised 300 buses; 96 were delivered." }] }] },
    sources: [{ url: "https://example.org/transport/2022-report", title: "Transport report 2022", publisher: "City transport department", publishedAt: null, accessedAt: null, archivedUrl: null, quote: null }],
  });
  for (const [action, cookie] of [["submit", checker], ["approve", editor], ["publish", editor]] as const) {
    ({ claim } = await api<{ claim: { id: number; version: number } }>(cookie, "POST", `/api/claims/${claim.id}/transitions`, { action, version: claim.version }));
  }
}

/** The article's claim ids by quote, from its public W3C annotations. */
async function readClaimIds() {
  const res = await fetch(`${baseUrl}/articles/${busesSlug}/annotations`);
  const collection = (await res.json()) as { first: { items: { id: string; target: { selector: { type: string; exact?: string }[] } }[] } };
  for (const item of collection.first.items) {
    const exact = item.target.selector.find((s) => s.type === "TextQuoteSelector")?.exact ?? "";
    claimIds[exact] = item.id.match(/\/claims\/(\d+)#/)![1];
  }
}

beforeAll(async () => {
  browser = await launchChromium();
  await readClaimIds();
  if (!claimIds[secondQuote]) await publishSecondClaim();
  await readClaimIds();
});
afterAll(async () => {
  await browser?.close();
});

/** A page with JavaScript on that records CSP violations and script errors. */
async function watchedPage(context: BrowserContext) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  return { page, problems };
}

const activeClaims = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-claims") ?? document.activeElement?.className ?? null);

describe("accessibility (axe-core)", () => {
  const pages: [string, () => string][] = [
    ["the front page", () => "/"],
    ["an annotated article", () => `/articles/${busesSlug}`],
    ["a fact-check permalink", () => `/claims/${claimIds[demoQuote]}`],
    ["a Russian article in the Kazakh UI", () => "/articles/besplatnoe-pitanie-poluchat-2-milliona-shkolnikov?lang=kk"],
  ];

  it.each(pages)("reports no violations of any impact on %s", async (_name, path) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}${path()}`);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await context.close();
  });

  it("reports no violations with the verdict popover open", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/articles/${busesSlug}`);
    await page.locator("a.hl").first().click();
    await page.locator(".fl-popover:popover-open").waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await context.close();
  });
});

describe("article page without JavaScript", () => {
  it("takes the reader from a highlight to its card, with the verdict and the sources, as the :target", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/articles/${busesSlug}`);
    await expect(page.locator(".claim-nav, .fl-popover").count()).resolves.toBe(0);
    const id = claimIds[demoQuote];
    await page.locator(`a.hl[href="#claim-${id}"] mark`, { hasText: demoQuote }).click();
    expect(new URL(page.url()).hash).toBe(`#claim-${id}`);
    const card = page.locator(":target");
    await expect(card.getAttribute("id")).resolves.toBe(`claim-${id}`);
    await expect(card.locator(".verdict").textContent()).resolves.toBe("Half true");
    await expect(card.locator(".sources li a").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))).resolves.toEqual([
      "https://example.org/procurement/buses-2024",
      "https://example.org/transport/delivery-schedule",
    ]);
    await expect(card.locator(".sources li a").first().isVisible()).resolves.toBe(true);
    // The verdict label after the highlight is a way there too.
    await page.goto(`${baseUrl}/articles/${busesSlug}`);
    await page.locator(`a.verdict-tag[data-claim="${id}"]`).click();
    await expect(page.locator(":target .verdict").textContent()).resolves.toBe("Half true");
    await context.close();
  });
});

describe("article page with JavaScript", () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    ({ page, problems } = await watchedPage(context));
  });
  afterAll(async () => {
    expect(problems).toEqual([]);
    await context.close();
  });

  it("opens the verdict popover from a highlight clicked with the mouse, with the card's verdict, claimant, explanation and sources", async () => {
    await page.goto(`${baseUrl}/articles/${busesSlug}`);
    const id = claimIds[demoQuote];
    const highlight = page.locator(`a.hl[href="#claim-${id}"]`);
    await highlight.click();
    const popover = page.locator(".fl-popover:popover-open");
    await popover.waitFor();
    expect(new URL(page.url()).hash).toBe("");
    await expect(popover.getAttribute("role")).resolves.toBe("dialog");
    await expect(popover.locator(".verdict").textContent()).resolves.toBe("Half true");
    await expect(popover.locator(".claimant").textContent()).resolves.toContain("City Council");
    await expect(popover.locator(".explanation").textContent()).resolves.toContain("only 120 are scheduled");
    await expect(popover.locator(".sources li a").count()).resolves.toBe(2);
    // The popover is labelled by the verdict, and copying the card duplicated no id.
    await expect(page.evaluate(() => document.getElementById(document.querySelector(".fl-popover")!.getAttribute("aria-labelledby")!)?.textContent)).resolves.toBe("Half true");
    const ids = await page.evaluate(() => [...document.querySelectorAll("[id]")].map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    await screenshot(page, "public-article-popover-desktop");
  });

  it("closes with Escape and returns focus to the highlight", async () => {
    await page.keyboard.press("Escape");
    await expect(page.locator(".fl-popover:popover-open").count()).resolves.toBe(0);
    await expect(activeClaims(page)).resolves.toBe(claimIds[demoQuote]);
  });

  it("opens from the keyboard (Enter on a focused highlight), moves focus into the popover, and Escape brings it back", async () => {
    await page.goto(`${baseUrl}/articles/${busesSlug}`);
    // Tab from the top of the page reaches the first highlight.
    for (let i = 0; i < 40 && (await activeClaims(page)) !== claimIds[demoQuote]; i++) await page.keyboard.press("Tab");
    await expect(activeClaims(page)).resolves.toBe(claimIds[demoQuote]);
    await page.keyboard.press("Enter");
    await page.locator(".fl-popover:popover-open").waitFor();
    await expect(page.evaluate(() => document.activeElement?.classList.contains("fl-popover"))).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await expect(page.locator(".fl-popover:popover-open").count()).resolves.toBe(0);
    await expect(activeClaims(page)).resolves.toBe(claimIds[demoQuote]);
  });

  it("moves focus to the next and previous claim with j/k, n/p and the visible buttons", async () => {
    await page.goto(`${baseUrl}/articles/${busesSlug}`);
    const first = claimIds[demoQuote];
    const second = claimIds[secondQuote];
    await page.locator(`a.hl[data-claims="${first}"]`).focus();
    await page.keyboard.press("j");
    await expect(activeClaims(page)).resolves.toBe(second);
    await page.keyboard.press("k");
    await expect(activeClaims(page)).resolves.toBe(first);
    await page.keyboard.press("n");
    await expect(activeClaims(page)).resolves.toBe(second);
    await page.keyboard.press("p");
    await expect(activeClaims(page)).resolves.toBe(first);
    await expect(page.locator(".claim-nav-status").textContent()).resolves.toBe("Fact-check 1 of 2");
    await page.getByRole("button", { name: "Next claim" }).click();
    await expect(activeClaims(page)).resolves.toBe(second);
    await expect(page.locator(".claim-nav-status").textContent()).resolves.toBe("Fact-check 2 of 2");
    await page.getByRole("button", { name: "Previous claim" }).click();
    await expect(activeClaims(page)).resolves.toBe(first);
  });

  it("follows next/previous inside an open popover, showing the next claim's card", async () => {
    await page.locator(`a.hl[data-claims="${claimIds[demoQuote]}"]`).click();
    const popover = page.locator(".fl-popover:popover-open");
    await popover.waitFor();
    await page.keyboard.press("j");
    await expect(popover.locator(".verdict").textContent()).resolves.toBe("True");
    await expect(popover.locator(".fl-popover-status").textContent()).resolves.toBe("Fact-check 2 of 2");
    await popover.getByRole("button", { name: "Previous claim" }).click();
    await expect(popover.locator(".verdict").textContent()).resolves.toBe("Half true");
    await popover.getByRole("button", { name: "Close" }).click();
    await expect(page.locator(".fl-popover:popover-open").count()).resolves.toBe(0);
    await expect(activeClaims(page)).resolves.toBe(claimIds[demoQuote]);
  });

  it("leaves the letter keys alone while the reader types in the search box", async () => {
    await page.locator("#q").fill("");
    await page.locator("#q").press("j");
    await expect(page.locator("#q").inputValue()).resolves.toBe("j");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("q");
  });

  it("shows the popover as a sheet at the bottom of a phone screen", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await p.goto(`${baseUrl}/articles/${busesSlug}`);
    await screenshot(p, "public-article-phone");
    await p.locator("a.hl").first().tap();
    const box = await p.locator(".fl-popover:popover-open").boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeGreaterThan(380);
    expect(Math.round(box!.y + box!.height)).toBe(844);
    await screenshot(p, "public-article-popover-phone");
    await phone.close();
  });
});

/** The demo article as a publisher's own page: its paragraphs, with the publisher's markup around the words. */
function publisherPage(options: { withThirdParagraph: boolean }): string {
  const [title, date, ...paragraphs] = readFileSync("demo/en-city-buses.md", "utf8")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith("Source:"));
  const body = paragraphs.slice(0, options.withThirdParagraph ? 3 : 2).map((p) =>
    p
      // the quote crosses the publisher's link and emphasis, and is wrapped across lines
      .replace("240 new electric", '<a href="/tags/buses">240 new</a> electric')
      .replace("be on the streets by April", "be on the\n        <em>streets</em>&nbsp;by April"),
  );
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title.replace(/^#\s*/, "")} - Example News</title></head>
<body>
<header><a href="/">Example News</a></header>
<aside class="pull-quote"><p>“${demoQuote}”</p></aside>
<main><article>
<h1>${title.replace(/^#\s*/, "")}</h1>
<p>${date}</p>
${body.map((p) => `<p>${p}</p>`).join("\n")}
<p>An earlier report said the council had promised 300 buses in 2022 and delivered fewer than 90.</p>
</article></main>
<script type="application/json" id="page-data">{"teaser": "${secondQuote}"}</script>
<script src="${baseUrl}/widget.js" data-factline-url="${busesSourceUrl}" async></script>
</body>
</html>`;
}

describe("embeddable widget on a publisher's page (another origin)", () => {
  let server: Server;
  let publisherUrl: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const withThirdParagraph = req.url?.startsWith("/full") ?? false;
      res.writeHead(req.url === "/favicon.ico" ? 404 : 200, {
        "content-type": "text/html; charset=utf-8",
        // The publisher's strict CSP: Factline's origin is allowed, inline styles and scripts are not.
        "content-security-policy": `default-src 'none'; script-src 'self' ${baseUrl}; style-src 'self' ${baseUrl}; connect-src ${baseUrl}`,
      });
      res.end(publisherPage({ withThirdParagraph }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    publisherUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(new URL(publisherUrl).origin).not.toBe(new URL(baseUrl).origin);
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it("wraps the published quote in marks with the verdict as a text label, in the article and not in the pull quote", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${publisherUrl}/article`);
    const id = claimIds[demoQuote];
    await page.locator(`mark.factline-hl[data-factline-claim="${id}"]`).first().waitFor();
    const marks = page.locator(`mark.factline-hl[data-factline-claim="${id}"]`);
    await expect(marks.evaluateAll((ms) => ms.map((m) => m.textContent).join("").replace(/\s+/g, " "))).resolves.toBe(demoQuote);
    // Split across the publisher's link and emphasis, every piece inside the article's first paragraph.
    await expect(marks.count()).resolves.toBeGreaterThan(1);
    await expect(marks.evaluateAll((ms) => ms.every((m) => m.closest("article > p") === document.querySelector("article > p:nth-of-type(2)")))).resolves.toBe(true);
    await expect(page.locator("aside mark").count()).resolves.toBe(0);
    await expect(page.locator("article a[href='/tags/buses'] mark.factline-hl").count()).resolves.toBe(1);
    // The label: text, not colour only; a button, after the marks and outside the publisher's link.
    const label = page.locator(`.factline-tag[data-factline-claim="${id}"]`);
    await expect(label.count()).resolves.toBe(1);
    await expect(label.evaluate((b) => b.tagName)).resolves.toBe("BUTTON");
    await expect(label.textContent()).resolves.toBe("Fact-check: Half true");
    // "Fact-check:" is for screen readers; the eye sees the verdict.
    await expect(label.locator(".factline-vh").boundingBox().then((b) => b!.width <= 1)).resolves.toBe(true);
    await expect(label.evaluate((b) => b.closest("a"))).resolves.toBeNull();
    // Styled by Factline's stylesheet, loaded from Factline's origin under the publisher's CSP.
    await expect(page.locator(`link[rel=stylesheet][href="${baseUrl}/widget.css"]`).count()).resolves.toBe(1);
    await expect(marks.first().evaluate((m) => getComputedStyle(m).backgroundColor)).resolves.toBe("rgb(255, 241, 184)");
    await screenshot(page, "widget-publisher-page");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("highlights nothing for a published quote that is not on the page, not in a near miss and not in script text", async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    await page.goto(`${publisherUrl}/article`);
    await page.locator("mark.factline-hl").first().waitFor();
    const second = claimIds[secondQuote];
    await expect(page.locator(`[data-factline-claim="${second}"]`).count()).resolves.toBe(0);
    await expect(page.locator(".factline-tag").count()).resolves.toBe(1);
    await expect(page.locator("#page-data").textContent()).resolves.toBe(`{"teaser": "${secondQuote}"}`);
    await expect(page.locator("article > p:last-of-type mark").count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("highlights the second claim once the publisher's page carries its paragraph", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${publisherUrl}/full`);
    const second = claimIds[secondQuote];
    await page.locator(`.factline-tag[data-factline-claim="${second}"]`).waitFor();
    await expect(page.locator(`mark[data-factline-claim="${second}"]`).evaluateAll((ms) => ms.map((m) => m.textContent).join(""))).resolves.toBe(secondQuote);
    await expect(page.locator(`.factline-tag[data-factline-claim="${second}"]`).textContent()).resolves.toBe("Fact-check: True");
    await context.close();
  });

  it("opens the verdict popover from the label, with the explanation and a link to the permalink; Escape returns focus", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${publisherUrl}/article`);
    const id = claimIds[demoQuote];
    const label = page.locator(`.factline-tag[data-factline-claim="${id}"]`);
    await label.waitFor();
    await label.focus();
    await page.keyboard.press("Enter");
    const popover = page.locator(".factline-popover:popover-open");
    await popover.waitFor();
    await expect(popover.getAttribute("role")).resolves.toBe("dialog");
    await expect(popover.locator(".factline-verdict").textContent()).resolves.toBe("Half true");
    await expect(popover.locator(".factline-comment").textContent()).resolves.toContain("only 120 are scheduled");
    await expect(popover.getByRole("link").getAttribute("href")).resolves.toBe(`${baseUrl}/claims/${id}`);
    await screenshot(page, "widget-popover");
    await page.keyboard.press("Escape");
    await expect(page.locator(".factline-popover:popover-open").count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-factline-claim"))).resolves.toBe(id);
    // A click on the highlighted words (outside the publisher's link) opens it too.
    await page.locator(`mark.factline-hl[data-factline-claim="${id}"]`).last().click();
    await popover.waitFor();
    const { violations } = await new AxeBuilder({ page }).include(".factline-popover").include(".factline-tag").include("mark.factline-hl").analyze();
    expect(violations.map((v) => `${v.id} (${v.impact})`)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("size budget", () => {
  it("keeps enhance.js and widget.js each within 10 KB gzipped", () => {
    const sizes = Object.fromEntries(["enhance.js", "widget.js"].map((f) => [f, gzipSync(readFileSync(`dist/web/${f}`)).length]));
    console.log("gzipped bytes:", sizes);
    for (const bytes of Object.values(sizes)) expect(bytes).toBeLessThanOrEqual(10 * 1024);
  });
});
