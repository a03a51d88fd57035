/** Issue 17 item 8: refusals in the workspace's language, and a lock icon that no font can lack. */
import AxeBuilder from "@axe-core/playwright";
import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { apiCall, chooseLanguage, loginAs, viewportShot } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const browser = useChromium();

describe("refusals in the workspace (item 8)", () => {
  it("shows a four-eyes refusal in Russian, under an SVG padlock, and an API refusal by its code", async () => {
    const page = await loginAs(browser(), baseUrl, "editor@factline.local");
    const text = `Four eyes article ${Date.now()}\n\nThe mayor said 12 bridges were repaired last year.`;
    const created = await apiCall(page, "POST", "/api/articles", { text, format: "text", language: "en" });
    const articleId = (created.body as { article: { id: number } }).article.id;
    const { body } = await apiCall(page, "GET", `/api/articles/${articleId}`);
    const revisionText = (body as { revision: { text: string } }).revision.text;
    const exact = "12 bridges were repaired";
    const start = revisionText.indexOf(exact);
    const claimRes = await apiCall(page, "POST", `/api/articles/${articleId}/claims`, {
      selector: [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end: start + exact.length }],
      ratingKey: "true",
    });
    const claim = (claimRes.body as { claim: { id: number; version: number } }).claim;
    expect((await apiCall(page, "POST", `/api/claims/${claim.id}/transitions`, { action: "submit", version: claim.version })).status).toBe(200);

    await chooseLanguage(page, "ru");
    await page.goto(`${baseUrl}/app/#/articles/${articleId}/claims/${claim.id}`);
    const reason = page.locator(".action .reason").first();
    await reason.waitFor();
    const words = (await page.locator(".action .reason").allTextContents()).join(" ");
    expect(words).toContain("Принцип четырёх глаз");
    expect(words).not.toMatch(/Four eyes/);
    const icon = await reason.evaluate((el) => {
      const style = getComputedStyle(el, "::before");
      return { content: style.content, mask: style.maskImage || style.webkitMaskImage, width: parseFloat(style.width) };
    });
    expect(icon.content).toBe('""');
    expect(icon.mask).toContain("data:image/svg+xml");
    expect(icon.width).toBeGreaterThan(0);
    await viewportShot(page, "workspace-refusal-ru");
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    // The API's refusal carries its stable code for any client to translate.
    const refused = await apiCall(page, "POST", `/api/claims/${claim.id}/transitions`, { action: "approve", version: claim.version + 1 });
    expect(refused.status).toBe(403);
    expect((refused.body as { error: { details?: { refusal?: string } } }).error.details?.refusal).toBe("four_eyes");
    await page.context().close();
  });
});

describe("login lockout (item 8)", () => {
  it("says how long the wait is, and where to turn", async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, extraHTTPHeaders: { "cf-connecting-ip": "198.51.100.77" } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/app/`);
    const email = page.locator("input[type=email]");
    const password = page.locator("input[type=password]");
    for (let i = 0; i < 6; i++) {
      // An address with no account: the lockout counts it all the same, and no other test's login is held back.
      await email.fill("lockout-e2e@factline.local");
      await password.fill(`wrong password ${i}`);
      await password.press("Enter");
      await page.locator(".form-error:not([hidden])").waitFor();
      await page.waitForTimeout(300);
    }
    const text = (await page.locator(".form-error").textContent()) ?? "";
    expect(text).toMatch(/Try again in \d+ min, or ask an admin to unlock your account/);
    await viewportShot(page, "workspace-lockout-phone");
    await context.close();
  });
});
