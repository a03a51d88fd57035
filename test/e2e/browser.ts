import { mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

/** Debian's Chromium, with the flags that work on these closed-network machines. Never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    headless: true,
  });
}

/**
 * PNGs are for a person to look at, so CI (CI=true, where no one does) takes none unless SCREENSHOTS=1;
 * every check around them still runs.
 */
export const screenshotsWanted = !process.env.CI || process.env.SCREENSHOTS === "1";

/** Save a PNG of the page into artifacts/ (ignored by git) for a person to look at. */
export async function screenshot(page: Page, name: string) {
  if (!screenshotsWanted) return;
  mkdirSync("artifacts/screenshots", { recursive: true });
  await page.screenshot({ path: `artifacts/screenshots/${name}.png`, fullPage: true });
}

/** One Chromium for the test file: launched before its tests, closed after them. Call at the top level. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}
