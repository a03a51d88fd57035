import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { claimOn, importText, inEachLanguage, phoneShot } from "./desk-helpers";
import { apiCall, loginAs, viewportShot } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const browser = useChromium();
const stamp = Date.now();
const words = Array.from({ length: 12 }, (_, i) => `figure ${i + 1} was ${stamp}`);

describe("item 4: dashboard counts", () => {
  it("shows totals, not page sizes, and loads “Needs attention” in one request", async () => {
    const editor = await loginAs(browser(), baseUrl, "editor@factline.local");
    const article = await importText(editor, `Counts ${stamp}\n\n${words.join(". ")}.`);
    for (const w of words) await claimOn(editor, article, w);
    const { body } = await apiCall(editor, "GET", `/api/articles/${article.id}`);
    const revised = await apiCall(editor, "PUT", `/api/articles/${article.id}`, { version: body.article.version, text: `Counts ${stamp}\n\nNothing of that was said.` });
    expect(revised.status).toBe(201);
    const total = (await apiCall(editor, "GET", "/api/claims?flagged=true&limit=1")).body.total as number;
    expect(total).toBeGreaterThanOrEqual(12);

    await editor.reload();
    const flaggedSection = editor.locator('[data-section="navFlagged"]');
    await flaggedSection.locator(".section-body:not([aria-busy])").waitFor();
    await expect(flaggedSection.locator("h2 .count").textContent()).resolves.toBe(String(total));
    await expect(flaggedSection.locator("tbody tr").count()).resolves.toBe(10);
    await expect(flaggedSection.locator("[data-shown]").textContent()).resolves.toBe(`Showing 10 of ${total}.`);
    const drafts = (await apiCall(editor, "GET", "/api/claims?state=draft&mine=authored&limit=1")).body.total as number;
    await expect(editor.locator('[data-section="myDrafts"] h2 .count').textContent()).resolves.toBe(String(drafts));
    const violations = await inEachLanguage(editor, "desk-dashboard", () => editor.locator('[data-section="navFlagged"] .section-body:not([aria-busy])').waitFor(), ".dashboard-grid");
    expect(violations).toEqual({ en: [], ru: [], kk: [] });

    // "Needs attention": one request for all the cards, however many.
    const requests: string[] = [];
    editor.on("request", (r) => {
      if (r.url().includes("/api/claims")) requests.push(new URL(r.url()).pathname);
    });
    await editor.goto(`${baseUrl}/app/#/flagged`);
    await editor.locator(".attention-list:not([aria-busy]) .attention-card").first().waitFor();
    await expect(editor.locator(".page-head h1 .count").textContent()).resolves.toBe(String(total));
    await expect(editor.locator(".attention-card").count()).resolves.toBe(Math.min(total, 100));
    expect(requests).toEqual(["/api/claims/attention"]);
    await viewportShot(editor, "desk-needs-attention");
    await phoneShot(editor, "desk-needs-attention", () => editor.locator(".attention-card").first().waitFor());
  });
});
