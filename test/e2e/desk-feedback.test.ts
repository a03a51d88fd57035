import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { claimOn, importText, inEachLanguage, phoneShot } from "./desk-helpers";
import { apiCall, loginAs } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const browser = useChromium();
const stamp = Date.now();

describe("item 5: changes requested", () => {
  it("puts who asked for what, and when, at the top of the panel, with a link to the thread", async () => {
    const checker = await loginAs(browser(), baseUrl, "checker@factline.local");
    const article = await importText(checker, `Feedback ${stamp}\n\nThe ministry said 70 hospitals were built.`);
    const claim = await claimOn(checker, article, "70 hospitals were built", { ratingKey: "false" });
    expect((await apiCall(checker, "POST", `/api/claims/${claim.id}/transitions`, { action: "submit", version: claim.version })).status).toBe(200);
    const editor = await loginAs(browser(), baseUrl, "editor@factline.local");
    const ask = `Cite the ministry's register ${stamp}.`;
    const sent = await apiCall(editor, "POST", `/api/claims/${claim.id}/transitions`, { action: "request_changes", version: claim.version + 1, comment: ask });
    expect(sent.status).toBe(200);
    // Later comments push the request far down the discussion.
    for (let i = 0; i < 6; i++) await apiCall(editor, "POST", `/api/claims/${claim.id}/comments`, { body: `Another thought ${i}: ${"long words ".repeat(30)}` });

    await checker.goto(`${baseUrl}/app/#/claims/${claim.id}`);
    const banner = checker.locator(".claim-panel .changes-banner");
    await banner.locator(".changes-what").waitFor();
    await expect(banner.locator(".changes-who").textContent()).resolves.toMatch(/^Erlan Editor asked for changes on .+:$/);
    await expect(banner.locator(".changes-what").textContent()).resolves.toBe(ask);
    // At the top of the panel: right under its head, above the form, on the first screen.
    const [bannerBox, formBox] = [await banner.boundingBox(), await checker.locator(".claim-panel .claim-form").boundingBox()];
    expect(bannerBox!.y).toBeLessThan(formBox!.y);
    expect(bannerBox!.y + bannerBox!.height).toBeLessThan(900);
    await checker.locator("[data-comment-link]").click();
    const focused = await checker.evaluate(() => document.activeElement?.querySelector(".comment-body")?.textContent);
    expect(focused).toBe(ask);
    await checker.evaluate(() => window.scrollTo(0, 0));
    await checker.locator(".claim-panel").evaluate((el) => (el.scrollTop = 0));
    const violations = await inEachLanguage(checker, "desk-changes-banner", () => checker.locator(".changes-banner .changes-what").waitFor(), ".claim-panel");
    expect(violations).toEqual({ en: [], ru: [], kk: [] });
    await phoneShot(checker, "desk-changes-banner", () => checker.locator(".changes-banner .changes-what").waitFor());
  });
});
