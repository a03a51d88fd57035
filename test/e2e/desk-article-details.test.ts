import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { claimOn, inEachLanguage, phoneShot } from "./desk-helpers";
import { apiCall, loginAs, viewportShot } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const browser = useChromium();
const stamp = Date.now();

describe("item 3: article metadata", () => {
  it("takes the outlet, URL, author and date at import, edits them in Details, and shows them on the public page", async () => {
    const editor = await loginAs(browser(), baseUrl, "editor@factline.local");
    await editor.getByRole("link", { name: "Articles" }).click();
    await editor.getByLabel("Paste the text").fill(`Details ${stamp}\n\nThe akimat said 25 bridges were rebuilt.`);
    await editor.getByLabel("Outlet (publisher)").fill("The Astana Times");
    await editor.getByLabel("Original URL").fill(`https://astanatimes.example/${stamp}`);
    await editor.getByLabel("Author", { exact: true }).fill("Dana Writer");
    await editor.getByLabel("Publication date").fill("2024-05-01");
    await viewportShot(editor, "desk-import-details");
    await expect(inEachLanguage(editor, "desk-import-details", () => editor.locator(".import-details").waitFor(), ".import-panel")).resolves.toEqual({ en: [], ru: [], kk: [] });
    await phoneShot(editor, "desk-import-details", () => editor.locator(".import-details").waitFor());
    await editor.getByLabel("Paste the text").fill(`Details ${stamp}\n\nThe akimat said 25 bridges were rebuilt.`);
    await editor.getByLabel("Outlet (publisher)").fill("The Astana Times");
    await editor.getByLabel("Original URL").fill(`https://astanatimes.example/${stamp}`);
    await editor.getByLabel("Author", { exact: true }).fill("Dana Writer");
    await editor.getByLabel("Publication date").fill("2024-05-01");
    await editor.getByRole("button", { name: "Import", exact: true }).click();
    const created = editor.locator('.import-result [data-status="created"]');
    await created.waitFor();
    await created.getByRole("link", { name: "Open" }).click();
    await editor.locator(".article-text").waitFor();
    const articleId = Number(/#\/articles\/(\d+)/.exec(editor.url())![1]);
    const stored = (await apiCall(editor, "GET", `/api/articles/${articleId}`)).body.article;
    expect(stored).toMatchObject({ publisher: "The Astana Times", sourceUrl: `https://astanatimes.example/${stamp}`, author: "Dana Writer", publishedAt: "2024-05-01" });

    // Details: prefilled with what is stored; edited and saved.
    await editor.locator('[data-tool="details"]').click();
    await expect(editor.getByLabel("Outlet (publisher)").inputValue()).resolves.toBe("The Astana Times");
    await expect(editor.getByLabel("Publication date").inputValue()).resolves.toBe("2024-05-01");
    await editor.getByLabel("Author", { exact: true }).fill("Dana K. Writer");
    await editor.locator('[data-action="save-details"]').click();
    await editor.locator("[data-details-status]", { hasText: "Details saved." }).waitFor();
    await expect.poll(async () => (await apiCall(editor, "GET", `/api/articles/${articleId}`)).body.article.author).toBe("Dana K. Writer");
    const openDetails = async () => {
      await editor.locator('[data-tool="details"]').waitFor();
      if (!(await editor.locator(".details-form").isVisible())) await editor.locator('[data-tool="details"]').click();
      await editor.locator(".details-form").waitFor();
    };
    await expect(inEachLanguage(editor, "desk-article-details", openDetails, ".tool-host")).resolves.toEqual({ en: [], ru: [], kk: [] });
    await phoneShot(editor, "desk-article-details", openDetails);

    // The public page shows the outlet, the author, the date and the link, once a claim there is public.
    const article = { id: articleId, text: (await apiCall(editor, "GET", `/api/articles/${articleId}`)).body.revision.text as string };
    const claim = await claimOn(editor, article, "25 bridges were rebuilt", { ratingKey: "false" });
    await apiCall(editor, "POST", `/api/claims/${claim.id}/transitions`, { action: "submit", version: claim.version });
    const editor2 = await loginAs(browser(), baseUrl, "editor2@factline.local");
    await apiCall(editor2, "POST", `/api/claims/${claim.id}/transitions`, { action: "approve", version: claim.version + 1 });
    await apiCall(editor2, "POST", `/api/claims/${claim.id}/transitions`, { action: "publish", version: claim.version + 2 });
    const reader = await browser().newPage();
    await reader.goto(`${baseUrl}/articles/${stored.slug}`);
    const meta = reader.locator(".article .meta");
    await expect(meta.textContent()).resolves.toContain("The Astana Times");
    await expect(meta.textContent()).resolves.toContain("Dana K. Writer");
    await expect(meta.locator("time").getAttribute("datetime")).resolves.toBe("2024-05-01");
    await expect(meta.locator("a").getAttribute("href")).resolves.toBe(`https://astanatimes.example/${stamp}`);
    await viewportShot(reader, "desk-public-article-details");
  });
});
