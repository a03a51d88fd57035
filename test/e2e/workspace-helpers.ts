import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { screenshotsWanted } from "./browser";

/** A PNG of what is on screen (not the full page: the article view is many screens long). */
export async function viewportShot(page: Page, name: string) {
  if (!screenshotsWanted) return;
  mkdirSync("artifacts/screenshots", { recursive: true });
  await page.screenshot({ path: `artifacts/screenshots/${name}.png` });
}

/** Demo accounts seeded by `npm start` in development. */
export const demoPassword = "factline-demo";

/** A fresh browser context logged in as `email` through the login screen, on the dashboard. */
export async function loginAs(browser: Browser, baseUrl: string, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "en-US" });
  const page = await context.newPage();
  page.on("pageerror", (err) => console.error(`[${email}] page error: ${err.message}`));
  await page.goto(`${baseUrl}/app/`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.locator(".dashboard-grid").waitFor();
  return page;
}

/** Select `text` inside the article editor by dragging the mouse from its first to its last character. */
export async function selectWithMouse(page: Page, text: string) {
  const box = await page.locator(".article-text").evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const rectOf = (from: number) => {
        const r = document.createRange();
        r.setStart(node!, from);
        r.setEnd(node!, from + 1);
        return r.getBoundingClientRect();
      };
      (node.parentElement as HTMLElement).scrollIntoView({ block: "center" });
      const first = rectOf(at);
      const last = rectOf(at + wanted.length - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not in one text node of the article`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

/** The id of the claim open in the side panel, from the URL. */
export function openClaimId(page: Page): number {
  const id = /\/claims\/(\d+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`no claim open at ${page.url()}`);
  return Number(id);
}

/** Wait until the claim panel says everything is saved. */
export async function waitSaved(page: Page) {
  await page.locator('.save-status[data-state="saved"]').waitFor({ timeout: 15_000 });
}

/** Call the API from inside a signed-in page (its cookie, its origin). */
export function apiCall(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(p as string, { method: m as string, headers: b ? { "content-type": "application/json" } : {}, body: b ? JSON.stringify(b) : undefined });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    [method, path, body] as const,
  );
}

/**
 * Switch the workspace's language as a person does: through the top bar, or through its Menu when the
 * bar is folded (it folds whenever it does not fit, e.g. in Russian or Kazakh at a laptop's width).
 * Waits until the language's strings are loaded and checks the focus stayed on the language menu; the
 * menu is left as it was found.
 */
export async function chooseLanguage(page: Page, lang: "en" | "ru" | "kk") {
  const select = page.locator("#ui-language");
  const toggle = page.locator(".topbar .menu-toggle");
  const foldedBefore = await toggle.isVisible();
  const opened = !(await select.isVisible()) && foldedBefore;
  if (opened) {
    await toggle.click();
    await select.waitFor();
  }
  await select.selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  // The screen was drawn again in the new language, and the focus stayed on the language menu, also when the
  // new language's longer or shorter labels folded or unfolded the bar (a folded bar's menu is then opened).
  await page.waitForFunction(() => document.activeElement?.id === "ui-language");
  // Close the menu if this helper opened it, or the app did because the bar folded: the page is left as the caller had it.
  const foldedNow = await toggle.isVisible();
  if ((opened || (foldedNow && !foldedBefore)) && foldedNow && (await toggle.getAttribute("aria-expanded")) === "true") await toggle.click();
}
