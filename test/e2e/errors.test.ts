/**
 * Issue 17 item 8 (errors) and item 3's leftover: the way back after a login lockout (an admin unlocks),
 * field problems as sentences under their fields, server refusals in the workspace's language, and the
 * paste import prefilled with what it detects.
 */
import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { inEachLanguage } from "./desk-helpers";
import { apiCall, chooseLanguage, demoPassword, loginAs, viewportShot } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const browser = useChromium();

describe("errors (item 8)", () => {
  it("a locked-out person is told to ask an admin, the admin unlocks the account, and the person logs in", async () => {
    // A client of its own: the lockout is per account on one client, so no other test's login is held back.
    const context = await browser().newContext({ viewport: { width: 1400, height: 900 }, locale: "en-US", extraHTTPHeaders: { "cf-connecting-ip": "198.51.100.91" } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/app/`);
    const email = page.getByLabel("Email");
    const password = page.getByLabel("Password");

    // A sentence under the field, not "email: Invalid email address"; the field says it is invalid.
    await email.fill("not an address");
    await password.fill("anything");
    await password.press("Enter");
    const emailError = page.locator(".field-error:not([hidden])").first();
    await emailError.waitFor();
    await expect(emailError.textContent()).resolves.toBe("Enter an email address, like name@example.org.");
    await expect(email.getAttribute("aria-invalid")).resolves.toBe("true");
    const errorId = await emailError.getAttribute("id");
    await expect(email.getAttribute("aria-describedby")).resolves.toContain(errorId!);
    await viewportShot(page, "errors-field-sentence");

    for (let i = 0; i < 5; i++) {
      await email.fill("checker2@factline.local");
      await password.fill(`wrong password ${i}`);
      await password.press("Enter");
      await page.locator(".form-error:not([hidden])").waitFor();
      await expect(email.getAttribute("aria-invalid")).resolves.toBeNull();
      await page.waitForFunction(() => !(document.querySelector("button[type=submit]") as HTMLButtonElement).disabled);
    }
    await password.fill(demoPassword);
    await password.press("Enter");
    await page.locator(".form-error", { hasText: "unlock" }).waitFor();
    await expect(page.locator(".form-error").textContent()).resolves.toMatch(/Try again in \d+ min, or ask an admin to unlock your account on the Users screen\./);
    await viewportShot(page, "errors-lockout");

    const admin = await loginAs(browser(), baseUrl, "admin@factline.local");
    await admin.goto(`${baseUrl}/app/#/admin/users`);
    const row = admin.locator('tr[data-email="checker2@factline.local"]');
    await row.waitFor();
    const found = await inEachLanguage(admin, "errors-users", () => row.locator('[data-action="unlock"]').waitFor());
    expect(found).toEqual({ en: [], ru: [], kk: [] });
    await row.locator('[data-action="unlock"]').click();
    await admin.locator(".notice", { hasText: "can log in again" }).waitFor();
    await viewportShot(admin, "errors-unlocked");

    await password.fill(demoPassword);
    await password.press("Enter");
    await page.locator(".dashboard-grid").waitFor();
    await context.close();
    await admin.context().close();
  });

  it("shows the server's refusals in Russian: a claim in review, and an invitation to a taken address", async () => {
    const checker = await loginAs(browser(), baseUrl, "checker@factline.local");
    const text = `Refusal article ${Date.now()}\n\nThe mayor said 14 bridges were repaired last year.`;
    const created = await apiCall(checker, "POST", "/api/articles", { text, format: "text", language: "en" });
    const articleId = (created.body as { article: { id: number } }).article.id;
    const revisionText = ((await apiCall(checker, "GET", `/api/articles/${articleId}`)).body as { revision: { text: string } }).revision.text;
    const exact = "14 bridges were repaired";
    const start = revisionText.indexOf(exact);
    const claimRes = await apiCall(checker, "POST", `/api/articles/${articleId}/claims`, {
      selector: [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end: start + exact.length }],
      ratingKey: "true",
    });
    const claim = (claimRes.body as { claim: { id: number; version: number } }).claim;
    expect((await apiCall(checker, "POST", `/api/claims/${claim.id}/transitions`, { action: "submit", version: claim.version })).status).toBe(200);

    await chooseLanguage(checker, "ru");
    await checker.goto(`${baseUrl}/app/#/articles/${articleId}/claims/${claim.id}`);
    // The server's decision (canEdit: in review) used to show as English; it comes by its code now.
    const notice = checker.locator(".notice", { hasText: "Вы не можете редактировать" });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toBe("Вы не можете редактировать это утверждение: Утверждение на проверке у редактора; дождитесь его решения.");
    await viewportShot(checker, "errors-refusal-ru");
    await chooseLanguage(checker, "en");
    await checker.context().close();

    const admin = await loginAs(browser(), baseUrl, "admin@factline.local");
    await chooseLanguage(admin, "ru");
    await admin.goto(`${baseUrl}/app/#/admin/users`);
    const form = admin.locator("form", { has: admin.locator('[name="invite-email"]') });
    await form.locator('[name="invite-email"]').fill("editor@factline.local");
    await form.locator('[name="invite-name"]').fill("Ещё один");
    await form.locator("button[type=submit]").click();
    const refusal = form.locator(".form-error:not([hidden])");
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toBe("С этим адресом электронной почты уже есть учётная запись.");
    await viewportShot(admin, "errors-invite-taken-ru");
    await chooseLanguage(admin, "en");
    await admin.context().close();
  });

  it("prefills the paste import with the detected outlet, URL, author and date, editable before the import", async () => {
    const editor = await loginAs(browser(), baseUrl, "editor@factline.local");
    await editor.goto(`${baseUrl}/app/#/articles`);
    const stamp = Date.now();
    const text = `Prefill article ${stamp}\n2 March 2024\nBy Jane Doe\nThe council said ${stamp % 1000} new benches were installed.\nSource: https://example.org/news/${stamp}`;
    const publisher = editor.locator('input[name="publisher"]');
    // Switching the language draws the screen afresh: paste in each, and see the fields fill.
    const pasted = async () => {
      await editor.locator('textarea[name="text"]').fill(text);
      await editor.waitForFunction(() => (document.querySelector('input[name="publisher"]') as HTMLInputElement).value === "example.org");
    };
    const found = await inEachLanguage(editor, "errors-import-prefill", pasted, ".import-panel");
    expect(found).toEqual({ en: [], ru: [], kk: [] });
    await pasted();
    await expect(editor.locator('input[name="sourceUrl"]').inputValue()).resolves.toBe(`https://example.org/news/${stamp}`);
    await expect(editor.locator('input[name="author"]').inputValue()).resolves.toBe("Jane Doe");
    await expect(editor.locator('input[name="publishedAt"]').inputValue()).resolves.toBe("2024-03-02");
    await expect(publisher.getAttribute("data-detected")).resolves.toBe("");

    // The person corrects the author; the rest stays as detected.
    await editor.locator('input[name="author"]').fill("Jane Q. Doe");
    await editor.locator(".import-form button[type=submit]").click();
    const result = editor.locator('.import-result [data-status="created"]');
    await result.waitFor();
    const href = await result.locator("a").getAttribute("href");
    const id = Number(/#\/articles\/(\d+)/.exec(href ?? "")?.[1]);
    const { body } = await apiCall(editor, "GET", `/api/articles/${id}`);
    const { article, revision } = body as { article: Record<string, unknown>; revision: { text: string } };
    expect(article).toMatchObject({ publisher: "example.org", sourceUrl: `https://example.org/news/${stamp}`, author: "Jane Q. Doe", publishedAt: "2024-03-02" });
    // Detected lines are taken out of the body, as the command line's import does.
    expect(revision.text).not.toContain("Source:");
    expect(revision.text).not.toContain("2 March 2024");
    await viewportShot(editor, "errors-import-done");
    await editor.context().close();
  });
});
