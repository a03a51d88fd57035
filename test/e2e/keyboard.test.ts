/**
 * Keyboard and focus in the workspace, at a desktop's and a phone's size: the skip link to the article
 * text, the explanation toolbar as one tab stop, and the focus staying on the control the person used
 * after a search, an autosave and a submit. Axe and screenshots of the screens this touches.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { claimOn, importText, inEachLanguage, seriousViolations } from "./desk-helpers";
import { loginAs, viewportShot, waitSaved } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const chromium = useChromium();
const stamp = Date.now();
const word = `Kbdharbour${stamp}`;
/** An article of its own for each size (different enough not to be taken for a near duplicate). */
const articleText = (size: string) =>
  size === "desktop"
    ? `Keyboard test ${stamp}\n\nThe ${word} council said 412 ferries sailed in 2023. Officials added that 37 new piers opened last year. The mayor claimed tourism rose by 18 percent.`
    : `Phone keyboard check ${stamp}\n\nA ${word} spokesperson said 412 ferries sailed in 2023, twice the usual number. Fishermen in the northern villages disputed the count at a public meeting on Tuesday.`;

/** What has the focus now: enough to tell controls apart, and whether it is the node marked by markFocus(). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? null,
      className: el?.className ?? "",
      text: el?.textContent?.trim().slice(0, 60) ?? "",
      action: el?.dataset.action ?? null,
      focusKey: el?.dataset.focusKey ?? null,
      name: el?.getAttribute("name") ?? null,
      sameNode: el === (window as unknown as { marked?: Element }).marked,
    };
  });

/** Remember the focused node, so a later check can tell it is still the very same element. */
const markFocus = (page: Page) => page.evaluate(() => ((window as unknown as { marked?: Element }).marked = document.activeElement ?? undefined));

const sizes = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

describe.each(sizes)("keyboard and focus at $name size ($width × $height)", (size) => {
  let page: Page;
  let article: Awaited<ReturnType<typeof importText>>;
  let claimId: number;
  const claimUrl = () => `${baseUrl}/app/#/articles/${article.id}/claims/${claimId}`;

  beforeAll(async () => {
    page = await loginAs(chromium(), baseUrl, "checker@factline.local");
    await page.setViewportSize({ width: size.width, height: size.height });
    article = await importText(page, articleText(size.name));
    claimId = (await claimOn(page, article, "412 ferries sailed in 2023")).id;
  });

  it("reaches the article text from page load with one Tab and Enter, through a visible skip link", async () => {
    await page.goto("about:blank");
    await page.goto(`${baseUrl}/app/#/articles/${article.id}`);
    await page.locator(".article-text").waitFor();
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toMatchObject({ tag: "a", className: "skip-link", text: "Skip to the article text" });
    const box = await page.locator(".skip-link:focus").boundingBox();
    expect(box && box.x >= 0 && box.y >= 0 && box.width > 0 && box.x + box.width <= size.width).toBe(true);
    await viewportShot(page, `keyboard-skip-link-${size.name}`);
    await page.keyboard.press("Enter");
    await expect(focused(page)).resolves.toMatchObject({ className: expect.stringContaining("article-text") });
    // The text is a textbox the keyboard selects in: Shift+arrows make a selection there.
    await page.keyboard.press("Shift+ArrowRight");
    await expect(page.evaluate(() => document.getSelection()?.toString().length)).resolves.toBe(1);
  });

  it("makes the explanation toolbar one tab stop, moved through with the arrows, Home and End", async () => {
    await page.goto(claimUrl());
    const content = page.locator(".claim-panel .rich-text-content");
    await content.waitFor();
    const toolbar = page.locator('.claim-panel [role="toolbar"]');
    await expect(toolbar.locator('button[tabindex="0"]').count()).resolves.toBe(1);
    await expect(toolbar.locator("button").count()).resolves.toBe(5);

    await content.focus();
    await page.keyboard.press("Shift+Tab");
    await expect(focused(page)).resolves.toMatchObject({ tag: "button", className: "tool tool-bold" });
    await page.keyboard.press("ArrowRight");
    await expect(focused(page)).resolves.toMatchObject({ className: "tool tool-italic" });
    await page.keyboard.press("End");
    await expect(focused(page)).resolves.toMatchObject({ className: "tool tool-ol" });
    await page.keyboard.press("ArrowRight");
    await expect(focused(page)).resolves.toMatchObject({ className: "tool tool-bold" });
    await page.keyboard.press("ArrowLeft");
    await expect(focused(page)).resolves.toMatchObject({ className: "tool tool-ol" });
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(focused(page)).resolves.toMatchObject({ className: "tool tool-link" });
    await viewportShot(page, `keyboard-toolbar-${size.name}`);

    // One Tab leaves the toolbar for the text; Shift+Tab comes back to the button last used.
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toMatchObject({ className: expect.stringContaining("rich-text-content") });
    await page.keyboard.press("Shift+Tab");
    await expect(focused(page)).resolves.toMatchObject({ className: "tool tool-link" });
    await expect(toolbar.locator('button[tabindex="0"]').count()).resolves.toBe(1);
    // A button still acts: Bold from the keyboard, then back into the text.
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    await expect(toolbar.locator(".tool-bold").getAttribute("aria-pressed")).resolves.toBe("true");
  });

  it("keeps the focus on the control after an autosave", async () => {
    await page.goto(claimUrl());
    const verdict = page.getByLabel("Verdict");
    await verdict.waitFor();
    await verdict.focus();
    await markFocus(page);
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/claims/${claimId}`) && r.request().method() === "PATCH");
    await page.keyboard.press("ArrowDown");
    expect((await saved).status()).toBe(200);
    await waitSaved(page);
    await expect(focused(page)).resolves.toMatchObject({ tag: "select", name: "verdict", sameNode: true });

    await page.locator(".claim-panel .rich-text-content").focus();
    await page.keyboard.press("End");
    await markFocus(page);
    const savedText = page.waitForResponse((r) => r.url().endsWith(`/api/claims/${claimId}`) && r.request().method() === "PATCH");
    await page.keyboard.type(" Typed from the keyboard.");
    expect((await savedText).status()).toBe(200);
    await waitSaved(page);
    await expect(focused(page)).resolves.toMatchObject({ className: expect.stringContaining("rich-text-content"), sameNode: true });
    await viewportShot(page, `keyboard-after-save-${size.name}`);
  });

  it("keeps the focus in the decisions after Submit for review redraws the panel without the button", async () => {
    await page.goto(claimUrl());
    const submit = page.locator('.claim-panel [data-action="submit"]');
    await submit.waitFor();
    await submit.focus();
    const done = page.waitForResponse((r) => r.url().endsWith(`/api/claims/${claimId}/transitions`));
    await page.keyboard.press("Enter");
    expect((await done).status()).toBe(200);
    // The panel is drawn again for the claim in review: the checker reads it, and may no longer submit.
    await page.locator(".claim-panel .claim-read").waitFor();
    await expect(submit.count()).resolves.toBe(0);
    await expect(focused(page)).resolves.toMatchObject({ tag: "section", focusKey: "decisions", text: expect.stringMatching(/^Decision/) });
    await viewportShot(page, `keyboard-after-submit-${size.name}`);
    // From there the Tab order goes on inside the panel, not from the top of the page.
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => !!document.activeElement?.closest(".claim-panel"))).resolves.toBe(true);
  });

  it("moves the focus into the form when a reviewing editor presses Edit, which the redraw takes away", async () => {
    const editor = await loginAs(chromium(), baseUrl, "editor@factline.local");
    await editor.setViewportSize({ width: size.width, height: size.height });
    await editor.goto(claimUrl());
    const edit = editor.locator(".claim-panel .claim-read + button");
    await edit.waitFor();
    await edit.focus();
    await editor.keyboard.press("Enter");
    await editor.locator(".claim-panel .claim-form").waitFor();
    await expect(focused(editor)).resolves.toMatchObject({ tag: "input", name: "claimant" });
    await editor.context().close();
  });

  it("keeps the focus on the search field, and on the Search button, after a search", async () => {
    await page.goto(`${baseUrl}/app/#/search`);
    const q = page.getByLabel("Search for");
    await q.waitFor();
    await expect(focused(page)).resolves.toMatchObject({ tag: "input", name: "q" });
    await markFocus(page);
    await q.fill("ferries");
    let searched = page.waitForResponse((r) => r.url().includes("/api/search?"));
    await page.keyboard.press("Enter");
    await searched;
    await page.locator(".search-result").first().waitFor();
    await expect(focused(page)).resolves.toMatchObject({ tag: "input", name: "q", sameNode: true });

    await page.locator(".search-form select[name=kind]").selectOption("articles");
    const button = page.locator(".search-form button[type=submit]");
    await button.focus();
    await markFocus(page);
    searched = page.waitForResponse((r) => r.url().includes("/api/search?") && r.url().includes("kind=articles"));
    await page.keyboard.press("Enter");
    await searched;
    await page.locator(".search-result").first().waitFor();
    await expect(focused(page)).resolves.toMatchObject({ tag: "button", sameNode: true });
    expect(page.url()).toContain("kind=articles");
    await viewportShot(page, `keyboard-search-${size.name}`);

    // The same search again (no change of address) searches again, the focus still on the button.
    searched = page.waitForResponse((r) => r.url().includes("/api/search?"));
    await page.keyboard.press("Enter");
    await searched;
    await expect(focused(page)).resolves.toMatchObject({ tag: "button", sameNode: true });
  });

  it("keeps the focus on the review queue's filter menu after a change of filter", async () => {
    await page.goto(`${baseUrl}/app/#/queue`);
    const order = page.locator(".view-queue select[name=order]");
    await order.waitFor();
    await page.locator(".view-queue .panel:not([aria-busy])").waitFor();
    await order.focus();
    await markFocus(page);
    const listed = page.waitForResponse((r) => r.url().includes("/api/claims?") && r.url().includes("order=newest"));
    await order.selectOption("newest");
    await listed;
    await page.locator(".view-queue .panel:not([aria-busy])").waitFor();
    expect(page.url()).toContain("order=newest");
    await expect(focused(page)).resolves.toMatchObject({ tag: "select", name: "order", sameNode: true });
    // Back: the address, the menu and the list go back together.
    const back = page.waitForResponse((r) => r.url().includes("/api/claims?") && r.url().includes("order=oldest"));
    await page.goBack();
    await back;
    await expect(order.inputValue()).resolves.toBe("oldest");
  });

  it("has no serious or critical axe violations on the article view and search, in English, Russian and Kazakh", async () => {
    // At a phone's width the checks cover the screens this file changes, not the top bar (its narrow layout is a work item of its own).
    const include = size.name === "phone" ? "#root > :not(.topbar)" : undefined;
    const skip = { en: "Skip to the article text", ru: "Перейти к тексту статьи", kk: "Мақала мәтініне өту" } as const;
    await page.goto(claimUrl());
    const article = await inEachLanguage(
      page,
      `keyboard-article-${size.name}`,
      async () => {
        await page.locator(".claim-panel .claim-quote").waitFor();
        await page.locator(".discussion .history").waitFor({ state: "attached" });
        // The skip link in this language, shown as it is when focused.
        const lang = (await page.evaluate(() => document.documentElement.lang)) as keyof typeof skip;
        await page.locator(".skip-link").first().focus();
        await expect(page.locator(".skip-link").first().textContent()).resolves.toBe(skip[lang]);
      },
      include,
    );
    expect(article).toEqual({ en: [], ru: [], kk: [] });
    // Each switch of language drew the screen again, and the focus stayed on the language menu: chooseLanguage checks it.

    await page.goto(`${baseUrl}/app/#/search?q=${word}&kind=articles`);
    await page.locator(".search-result").first().waitFor();
    if (size.name === "phone") return expect(seriousViolations(page, include)).resolves.toEqual([]);
    const search = await inEachLanguage(page, `keyboard-search-${size.name}`, () => page.locator(".search-result").first().waitFor());
    expect(search).toEqual({ en: [], ru: [], kk: [] });
  });
});
