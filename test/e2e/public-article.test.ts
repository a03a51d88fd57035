import { describe, expect, inject, it } from "vitest";
import { screenshot, useChromium } from "./browser";

const baseUrl = inject("baseUrl");
const browser = useChromium();

describe("public article page", () => {
  it("shows the seeded 60,000 students fact-check highlighted, with its verdict reachable without JavaScript", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/articles/motor-rallies-environmental-actions-pop-concert-campaigning-gains-momentum-in`);
    const mark = page.locator("a.hl mark", { hasText: "60,000 students who graduate from Kazakhstan’s schools go abroad every year" });
    await expect(mark.count()).resolves.toBe(1);
    await mark.click();
    expect(page.url()).toMatch(/#claim-\d+$/);
    const card = page.locator(":target");
    await expect(card.locator(".verdict").textContent()).resolves.toBe("Unverifiable");
    await screenshot(page, "public-article");
    await context.close();
  });
});
