import type { Page, Request, WebSocketRoute } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { claimOn } from "./desk-helpers";
import { apiCall, loginAs, openClaimId, selectWithMouse, viewportShot, waitSaved } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const browser = useChromium();

/** Import a short article of our own through the API and open it in both pages. */
async function sharedArticle(pages: Page[], words: string) {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  // A paragraph of its own, so that two of these articles are never near-duplicates (which would answer 200, not 201).
  const own = Array.from({ length: 24 }, (_, i) => `${words}${(Number(stamp.slice(-6)) * (i + 7)) % 9973}`).join(" ");
  const text = `Live desk ${words} ${stamp}\n\nThe council said ${stamp.slice(-3)} electric buses were bought in 2025 for the northern routes.\n\nCritics said only half of the ${words} buses run on weekdays, and the depot has no chargers.\n\nNotes ${own}.`;
  const { status, body } = await apiCall(pages[0], "POST", "/api/articles", { text });
  expect(status).toBe(201);
  for (const page of pages) await openArticle(page, body.article.id);
  return body.article.id as number;
}

async function openArticle(page: Page, id: number) {
  await page.evaluate((hash) => (location.hash = hash), `#/articles/${id}`);
  await page.locator(".article-text").waitFor();
}

/** The claims as the page shows them: list entries with their badges, and highlighted ids. */
const shownClaims = (page: Page) =>
  page.evaluate(() => ({
    list: [...document.querySelectorAll(".claim-list li")].map((li) => li.textContent?.replace(/\s+/g, " ").trim()),
    highlights: [...new Set([...document.querySelectorAll(".article-text [data-claim-id]")].map((e) => (e as HTMLElement).dataset.claimId))].sort(),
  }));

/** Count a page's API requests in flight from now on; `quiet()` waits until none is, and none was sent for a moment. */
function trackApi(page: Page) {
  const inFlight = new Set<Request>();
  let last = Date.now();
  const api = (r: Request) => new URL(r.url()).pathname.startsWith("/api/") && r.resourceType() !== "websocket";
  page.on("request", (r) => api(r) && (inFlight.add(r), (last = Date.now())));
  const ended = (r: Request) => inFlight.delete(r) && (last = Date.now());
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  return {
    quiet: (quietMs = 300) => expect.poll(() => inFlight.size === 0 && Date.now() - last >= quietMs, { timeout: 15_000, interval: 100 }).toBe(true),
  };
}

/** Mark the page so that a reload would be seen (the mark is gone after one). */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { liveMark: boolean }).liveMark = true));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: boolean }).liveMark === true);

describe("the live desk in two browsers", () => {
  it("one creates, edits and comments; the other sees each change without a reload, and what they type stays", async () => {
    const checker = await loginAs(browser(), baseUrl, "checker@factline.local");
    const editor = await loginAs(browser(), baseUrl, "editor@factline.local");
    const id = await sharedArticle([checker, editor], "alpha");
    await markPage(editor);

    // Presence: each sees the other's initials in the toolbar.
    await editor.locator(".presence-chip", { hasText: "CC" }).waitFor();
    await checker.locator(".presence-chip", { hasText: "EE" }).waitFor();

    // A soft warning: the editor selects text the checker is selecting.
    await selectWithMouse(checker, "the depot has no chargers");
    await selectWithMouse(editor, "depot has no");
    await editor.locator(".live-warning", { hasText: "Chen Checker is selecting this text." }).waitFor();
    await editor.mouse.click(5, 5);

    // The checker makes a claim; it is highlighted on the editor's page.
    await selectWithMouse(checker, "electric buses were bought");
    await checker.getByRole("button", { name: "New claim" }).click();
    await checker.waitForURL(/\/claims\/\d+$/);
    const claimId = openClaimId(checker);
    await editor.locator(`.article-text [data-claim-id="${claimId}"]`).first().waitFor();
    await checker.locator(".presence-chip", { hasText: "EE" }).waitFor();

    // The editor opens it, and starts a comment they do not send yet.
    await editor.locator(`.claim-list a[href$="/claims/${claimId}"]`).click();
    await editor.locator(".claim-panel .claim-quote").waitFor();
    const draftComment = "Which depot? Half-written note";
    await editor.locator('.claim-panel textarea[name="comment"]').fill(draftComment);
    await checker.locator(`.presence-chip[title*="#${claimId}"]`).waitFor();

    // The checker edits: the editor's panel says who changed it and to which version, and keeps the note.
    await checker.getByLabel("Verdict").selectOption("false");
    await waitSaved(checker);
    const notice = editor.locator(".claim-panel .live-change", { hasText: "Chen Checker" });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(/version \d+/);
    await editor.locator(`.claim-list a[href$="/claims/${claimId}"] .badge`, { hasText: "False" }).waitFor();
    // Nothing was being typed in the claim's fields, so the panel shows the new version, the note still in its box.
    await editor.locator(".claim-panel .claim-head .badge", { hasText: "False" }).waitFor();
    await expect(editor.locator('.claim-panel textarea[name="comment"]').inputValue()).resolves.toBe(draftComment);

    // The checker comments: it appears in the editor's open panel, next to the note still being written.
    await checker.locator('.claim-panel textarea[name="comment"]').fill("Source: the council's press release");
    await checker.getByRole("button", { name: "Post comment" }).click();
    await editor.locator(".claim-panel .comment-body", { hasText: "Source: the council's press release" }).waitFor();
    await expect(editor.locator('.claim-panel textarea[name="comment"]').inputValue()).resolves.toBe(draftComment);
    await viewportShot(editor, "live-desk-editor");

    // Both write the claim at once: the editor types an explanation while the checker saves a new verdict.
    // Whichever save lands second meets the other's version; nothing either typed is lost.
    await editor.locator(".claim-panel .rich-text-content").click();
    await editor.keyboard.type("Editor wording, typed live.");
    const current = (await apiCall(checker, "GET", `/api/claims/${claimId}`)).body.claim;
    const theirs = await apiCall(checker, "PATCH", `/api/claims/${claimId}`, { version: current.version, ratingKey: "mostly-false" });
    if (theirs.status === 409) {
      const again = (await apiCall(checker, "GET", `/api/claims/${claimId}`)).body.claim;
      expect((await apiCall(checker, "PATCH", `/api/claims/${claimId}`, { version: again.version, ratingKey: "mostly-false" })).status).toBe(200);
    }
    const merge = editor.locator('.claim-panel [data-choice="merge"]');
    await Promise.race([merge.waitFor({ timeout: 15_000 }).then(() => merge.click()), editor.locator(".claim-panel .live-change", { hasText: "Your text is kept" }).waitFor({ timeout: 15_000 })]);
    await waitSaved(editor);
    await expect.poll(async () => (await apiCall(editor, "GET", `/api/claims/${claimId}`)).body.claim, { timeout: 15_000 }).toMatchObject({ ratingKey: "mostly-false" });
    expect(JSON.stringify((await apiCall(editor, "GET", `/api/claims/${claimId}`)).body.claim.explanation)).toContain("Editor wording, typed live.");

    // A second claim by the checker, and it is gone again when deleted.
    await selectWithMouse(checker, "the depot has no chargers");
    await checker.getByRole("button", { name: "New claim" }).click();
    await checker.waitForURL(new RegExp(`/claims/(?!${claimId}$)\\d+$`));
    const second = openClaimId(checker);
    await editor.locator(`.claim-list a[href$="/claims/${second}"]`).waitFor();
    const version = (await apiCall(checker, "GET", `/api/claims/${second}`)).body.claim.version;
    expect((await apiCall(checker, "DELETE", `/api/claims/${second}`, { version })).status).toBe(204);
    await editor.locator(`.claim-list a[href$="/claims/${second}"]`).waitFor({ state: "detached" });

    expect(await stillMarked(editor)).toBe(true);
    const editorSees = await shownClaims(editor);
    await expect.poll(() => shownClaims(checker), { timeout: 10_000 }).toEqual(editorSees);
    await checker.context().close();
    await editor.context().close();
  });

  it("a dropped connection that missed changes resyncs to the same state as a reload", async () => {
    const checker = await loginAs(browser(), baseUrl, "checker@factline.local");
    const editor = await loginAs(browser(), baseUrl, "editor@factline.local");
    const editorApi = trackApi(editor);
    // The editor's sockets go through a route the test can cut.
    let cut = false;
    const urls: string[] = [];
    const routes: WebSocketRoute[] = [];
    await editor.routeWebSocket(/\/live/, (ws) => {
      urls.push(ws.url());
      if (cut) return void ws.close();
      ws.connectToServer();
      routes.push(ws);
    });
    const id = await sharedArticle([checker, editor], "beta");
    await markPage(editor);
    await editor.locator(".presence-chip", { hasText: "CC" }).waitFor();

    cut = true;
    for (const ws of routes.filter((r) => r.url().includes(`/articles/${id}/`))) await ws.close();
    await editor.getByText("Live updates paused.").waitFor();
    // A read the page sent before the cut (a slow machine may answer it late) would see the changes below.
    await editorApi.quiet();

    // Changes the editor's page cannot hear of.
    const text = (await apiCall(checker, "GET", `/api/articles/${id}`)).body.revision.text as string;
    const exact = "electric buses were bought";
    const start = [...text.slice(0, text.indexOf(exact))].length;
    const made = await apiCall(checker, "POST", `/api/articles/${id}/claims`, {
      selector: [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end: start + [...exact].length }],
    });
    expect(made.status).toBe(201);
    const claimId = made.body.claim.id;
    expect((await apiCall(checker, "PATCH", `/api/claims/${claimId}`, { version: made.body.claim.version, ratingKey: "mostly-false" })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(await editor.locator(`.claim-list a[href$="/claims/${claimId}"]`).count()).toBe(0);

    // Back online: the page reconnects with the last number it saw, is told to resync, and re-reads.
    cut = false;
    const before = urls.length;
    await editor.evaluate(() => window.dispatchEvent(new Event("online")));
    await editor.locator(`.claim-list a[href$="/claims/${claimId}"] .badge`, { hasText: "Mostly false" }).waitFor();
    expect(urls.slice(before).some((u) => /\/articles\/\d+\/live\?since=\d+/.test(u))).toBe(true);
    await expect(editor.getByText("Live updates paused.").isVisible()).resolves.toBe(false);
    expect(await stillMarked(editor)).toBe(true);

    const resynced = await shownClaims(editor);
    const fresh = await editor.context().newPage();
    await fresh.goto(`${baseUrl}/app/#/articles/${id}`);
    await fresh.locator(".article-text").waitFor();
    await fresh.locator(`.claim-list a[href$="/claims/${claimId}"]`).waitFor();
    expect(resynced).toEqual(await shownClaims(fresh));
    await checker.context().close();
    await editor.context().close();
  });

  it("without WebSockets the article still works, says live updates are paused, and Refresh shows others' changes", async () => {
    const checker = await loginAs(browser(), baseUrl, "checker@factline.local");
    const editor = await loginAs(browser(), baseUrl, "editor@factline.local");
    await editor.context().addInitScript(() => {
      delete (window as { WebSocket?: unknown }).WebSocket;
    });
    await editor.reload();
    await editor.locator(".dashboard-grid").waitFor();
    const id = await sharedArticle([checker, editor], "gamma");
    await editor.getByText("Live updates paused.").waitFor();
    const text = (await apiCall(checker, "GET", `/api/articles/${id}`)).body.revision.text as string;
    const exact = "the depot has no chargers";
    const start = [...text.slice(0, text.indexOf(exact))].length;
    const made = await apiCall(checker, "POST", `/api/articles/${id}/claims`, {
      selector: [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end: start + [...exact].length }],
    });
    expect(made.status).toBe(201);
    await editor.getByRole("button", { name: "Refresh" }).click();
    await editor.locator(`.claim-list a[href$="/claims/${made.body.claim.id}"]`).waitFor();
    await checker.context().close();
    await editor.context().close();
  });

  it("a socket closed because the session ended stops retrying, says so, and Refresh leads to the login", async () => {
    const checker = await loginAs(browser(), baseUrl, "checker@factline.local");
    const editor = await loginAs(browser(), baseUrl, "editor@factline.local");
    // The same editor in another browser: "log out everywhere" there ends the first page's session too.
    const elsewhere = await loginAs(browser(), baseUrl, "editor@factline.local");
    const editorApi = trackApi(editor);
    const id = await sharedArticle([checker, editor], "epsilon");
    const bar = editor.locator(".live-bar");
    await editor.waitForFunction(() => document.querySelector(".live-bar")?.getAttribute("data-live-state") === "live");
    // Connected, the page re-reads its claims (150 ms after the desk's welcome, which comes before presence). Such a
    // read after the logout would be refused and take the page to the login first: let it finish before logging out.
    await editor.locator(".presence-chip", { hasText: "CC" }).waitFor();
    await editorApi.quiet(1000);
    let sockets = 0;
    editor.on("websocket", () => sockets++);

    expect((await apiCall(elsewhere, "POST", "/api/auth/logout-everywhere")).status).toBe(204);
    // A change on the article makes the desk check its sockets before it tells them.
    const text = (await apiCall(checker, "GET", `/api/articles/${id}`)).body.revision.text as string;
    await claimOn(checker, { id, text }, "electric buses were bought");
    await editor.getByText("Live updates stopped: your session ended. Refresh to log in again.").waitFor();
    await expect(bar.getAttribute("data-live-state")).resolves.toBe("signed-out");
    // Backoff would have tried again after about a second, then two: nothing is tried.
    await editor.waitForTimeout(4_000);
    expect(sockets).toBe(0);
    await expect(bar.getAttribute("data-live-state")).resolves.toBe("signed-out");

    await editor.getByRole("button", { name: "Refresh" }).click();
    await editor.getByRole("button", { name: "Log in" }).waitFor();
    for (const page of [checker, editor, elsewhere]) await page.context().close();
  });

  it("a live change redraws the claim list, and the focus stays on the claim link the person was on", async () => {
    const checker = await loginAs(browser(), baseUrl, "checker@factline.local");
    const editor = await loginAs(browser(), baseUrl, "editor@factline.local");
    const id = await sharedArticle([checker, editor], "zeta");
    await editor.waitForFunction(() => document.querySelector(".live-bar")?.getAttribute("data-live-state") === "live");
    const article = { id, text: (await apiCall(checker, "GET", `/api/articles/${id}`)).body.revision.text as string };
    const { id: first } = await claimOn(checker, article, "electric buses were bought");
    const link = editor.locator(`.claim-list a[href$="/claims/${first}"]`);
    await link.waitFor();
    await link.focus();
    await editor.evaluate(() => ((window as unknown as { marked?: Element }).marked = document.activeElement ?? undefined));
    const { id: second } = await claimOn(checker, article, "the depot has no chargers");
    await editor.locator(`.claim-list a[href$="/claims/${second}"]`).waitFor();
    // The list was drawn again (the old link is gone), and the focus is on the new copy of the same claim's link.
    await expect(editor.evaluate(() => (window as unknown as { marked?: Element }).marked?.isConnected)).resolves.toBe(false);
    await expect(editor.evaluate(() => document.activeElement?.getAttribute("href") ?? null)).resolves.toMatch(new RegExp(`/claims/${first}$`));
    await checker.context().close();
    await editor.context().close();
  });

  it("the queue badge counts claims waiting for review as they arrive", async () => {
    const checker = await loginAs(browser(), baseUrl, "checker@factline.local");
    const editor = await loginAs(browser(), baseUrl, "editor@factline.local");
    const badge = editor.locator('[data-live="queue-badge"]');
    const count = async () => Number((await badge.textContent()) || 0);
    await editor.waitForFunction(() => document.querySelector('[data-live="queue-badge"]')?.getAttribute("data-live-state") === "live");
    const id = await sharedArticle([checker], "delta");
    await editor.evaluate(() => (location.hash = "#/queue"));
    await editor.locator("table, .claim-table, p.muted").first().waitFor();
    const before = await count();
    const text = (await apiCall(checker, "GET", `/api/articles/${id}`)).body.revision.text as string;
    const exact = "electric buses were bought";
    const start = [...text.slice(0, text.indexOf(exact))].length;
    const made = await apiCall(checker, "POST", `/api/articles/${id}/claims`, {
      selector: [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end: start + [...exact].length }],
      ratingKey: "false",
    });
    expect((await apiCall(checker, "POST", `/api/claims/${made.body.claim.id}/transitions`, { action: "submit", version: made.body.claim.version })).status).toBe(200);
    await editor.waitForFunction((n) => Number(document.querySelector('[data-live="queue-badge"]')?.textContent || 0) === n, before + 1);
    // The queue itself re-reads: the new claim is listed without a reload.
    await editor.locator(`a[href*="/claims/${made.body.claim.id}"]`).first().waitFor();
    await checker.context().close();
    await editor.context().close();
  });
});
