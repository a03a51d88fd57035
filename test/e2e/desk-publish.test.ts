import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { claimOn, importText, inEachLanguage, phoneShot } from "./desk-helpers";
import { apiCall, loginAs, viewportShot } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const browser = useChromium();
const stamp = Date.now();
const quote = `${stamp % 1000} new parks opened`;

describe("item 6: publishing", () => {
  it("shows the card and the ClaimReview first, asks with the claim's name, then links to the public claim", async () => {
    const checker = await loginAs(browser(), baseUrl, "checker@factline.local");
    const article = await importText(checker, `Publish ${stamp}\n\nThe city office said ${quote}.`);
    const office = await apiCall(checker, "POST", "/api/claimants", { name: `City Office ${stamp}`, kind: "organization" });
    const claim = await claimOn(checker, article, quote, { ratingKey: "false", claimant: { id: office.body.claimant.id } });
    expect((await apiCall(checker, "POST", `/api/claims/${claim.id}/transitions`, { action: "submit", version: claim.version })).status).toBe(200);
    const editor2 = await loginAs(browser(), baseUrl, "editor2@factline.local");
    expect((await apiCall(editor2, "POST", `/api/claims/${claim.id}/transitions`, { action: "approve", version: claim.version + 1 })).status).toBe(200);

    const editor = await loginAs(browser(), baseUrl, "editor@factline.local");
    await editor.goto(`${baseUrl}/app/#/claims/${claim.id}`);
    const preview = editor.locator(".publish-preview");
    const open = async () => {
      if (await preview.isVisible()) return;
      await editor.locator('[data-action="publish"]:not([disabled])').click();
      await preview.waitFor();
      await preview.scrollIntoViewIfNeeded();
    };
    await open();
    await expect(editor.locator("[data-publish-question]").textContent()).resolves.toBe(`Publish claim #${claim.id}, “${quote}”?`);
    await expect(preview.locator(".claim-card blockquote").textContent()).resolves.toContain(quote);
    await expect(preview.locator(".claim-card .badge").textContent()).resolves.toBe("False");
    await expect(preview.locator(".claimreview-summary").textContent()).resolves.toContain(`City Office ${stamp} (Organization)`);
    // Nothing is public yet.
    expect((await apiCall(editor, "GET", `/api/claims/${claim.id}`)).body.claim.state).toBe("approved");
    const violations = await inEachLanguage(editor, "desk-publish-preview", open, ".claim-panel");
    expect(violations).toEqual({ en: [], ru: [], kk: [] });
    await phoneShot(editor, "desk-publish-preview", open);
    // Cancel from the keyboard: nothing is published, and the focus is back on Publish.
    await open();
    await preview.locator(".row button:not([data-action])").focus();
    await editor.keyboard.press("Enter");
    await preview.waitFor({ state: "detached" });
    await expect(editor.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action ?? null)).resolves.toBe("publish");
    expect((await apiCall(editor, "GET", `/api/claims/${claim.id}`)).body.claim.state).toBe("approved");
    await open();
    await editor.locator('[data-action="confirm-publish"]').click();
    const link = editor.locator(".claim-panel .public-claim-link a");
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(`/claims/${claim.id}`);
    await viewportShot(editor, "desk-published-link");
    const page = await editor.context().newPage();
    await page.goto(`${baseUrl}/claims/${claim.id}`);
    await expect(page.locator("h1").textContent()).resolves.toContain(quote);
  });
});
