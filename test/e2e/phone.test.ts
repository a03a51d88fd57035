/**
 * Issue 17 item 10: the workspace on a phone (390 × 844). Every screen fits the width (no sideways
 * scroll), the navigation folds behind a Menu button, the actions stay on screen and clickable, and axe
 * finds nothing serious in English, Russian or Kazakh. PNGs of each screen go to artifacts/screenshots.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { importText, seriousViolations } from "./desk-helpers";
import { loginAs, openClaimId, selectWithMouse, viewportShot, waitSaved } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const browser = useChromium();
const phone = { width: 390, height: 844 };
const stamp = Date.now();

/** A demo account's session on a phone-sized window. */
async function onPhone(email: string) {
  const page = await loginAs(browser(), baseUrl, email);
  await page.setViewportSize(phone);
  await page.locator(".topbar.is-folded").waitFor();
  return page;
}

/** The page is no wider than the window (nothing scrolls sideways), and nothing on it is cut off at the right edge. */
async function expectFits(page: Page, screen: string) {
  const size = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(size.scrollWidth, `${screen} scrolls sideways`).toBeLessThanOrEqual(size.innerWidth);
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        // Visually hidden text (a 1 px clipped box) is meant to be off screen.
        return box.width > 1 && box.height > 1 && box.right > window.innerWidth + 0.5 && el.checkVisibility();
      })
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`),
  );
  expect(cut, `${screen}: cut off at the right edge`).toEqual([]);
}

/** The control is inside the window's width, visible and would take a click (nothing covers it). */
async function expectReachable(control: Locator) {
  await control.scrollIntoViewIfNeeded();
  const box = await control.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(phone.width);
  await control.click({ trial: true });
}

const menuButton = (page: Page) => page.locator(".topbar .menu-toggle");

async function setMenu(page: Page, open: boolean) {
  const button = menuButton(page);
  if ((await button.getAttribute("aria-expanded")) !== String(open)) await button.click();
  await page.locator("#topbar-menu").waitFor({ state: open ? "visible" : "hidden" });
}

/** Go to a screen through the folded menu, as a person on a phone does. */
async function navigate(page: Page, name: string) {
  await setMenu(page, true);
  const link = page.locator("#topbar-menu").getByRole("link", { name, exact: true });
  await expectReachable(link);
  await link.click();
  await page.locator("#topbar-menu").waitFor({ state: "hidden" });
}

/**
 * For each UI language, switched through the menu: wait for the screen (`ready`), check it fits, collect
 * axe's serious and critical violations and save a phone PNG named `phone-<name>-<lang>`. Ends in English.
 */
async function inEachLanguage(page: Page, name: string, ready: () => Promise<void>) {
  const found: Record<string, string[]> = {};
  const switchTo = async (lang: string) => {
    if (lang !== (await page.evaluate(() => document.documentElement.lang))) {
      await setMenu(page, true);
      await page.locator("#ui-language").selectOption(lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    }
    await setMenu(page, false);
  };
  for (const lang of ["en", "ru", "kk"] as const) {
    await switchTo(lang);
    await ready();
    await expectFits(page, `${name} (${lang})`);
    found[lang] = await seriousViolations(page);
    await viewportShot(page, `phone-${name}-${lang}`);
  }
  await switchTo("en");
  await ready();
  return found;
}

describe("the workspace on a phone (390 × 844)", () => {
  it("folds the navigation behind a Menu button that says whether it is open, and keeps every link, the language switch and Log out in it", async () => {
    const admin = await onPhone("admin@factline.local");
    await expectFits(admin, "dashboard");
    const button = menuButton(admin);
    await expect(button.evaluate((b) => b.tagName)).resolves.toBe("BUTTON");
    await expect(button.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(button.getAttribute("aria-controls")).resolves.toBe("topbar-menu");
    await expect(admin.locator("#topbar-menu").isVisible()).resolves.toBe(false);

    await button.click();
    await expect(button.getAttribute("aria-expanded")).resolves.toBe("true");
    await viewportShot(admin, "phone-menu-open");
    await expectFits(admin, "open menu");
    for (const name of ["Dashboard", "Articles", "Review queue", "Needs attention", "Search", "Users", "Tips", "About page", "Account"]) {
      await expectReachable(admin.locator("#topbar-menu").getByRole("link", { name, exact: true }));
    }
    await expectReachable(admin.locator("#ui-language"));
    await expectReachable(admin.getByRole("button", { name: "Log out" }));
    // Escape folds it again and gives the keyboard back to the button.
    await admin.locator("#topbar-menu").getByRole("link", { name: "Search", exact: true }).focus();
    await admin.keyboard.press("Escape");
    await expect(button.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(admin.evaluate(() => document.activeElement?.classList.contains("menu-toggle"))).resolves.toBe(true);

    await navigate(admin, "Account");
    await admin.getByRole("button", { name: "Log out everywhere" }).waitFor();
    await expectFits(admin, "account");
    await viewportShot(admin, "phone-account-en");
    await navigate(admin, "Tips");
    await admin.locator("main h1").waitFor();
    await expectFits(admin, "tips");
    await setMenu(admin, true);
    await admin.getByRole("button", { name: "Log out" }).click();
    await admin.getByLabel("Email").waitFor();
    await expectFits(admin, "login");
    await viewportShot(admin, "phone-login");
    await admin.context().close();
  }, 240_000);

  it("fits the admin's screens (users, the about page) with their actions on screen, and axe finds nothing serious in en, ru, kk", async () => {
    const admin = await onPhone("admin@factline.local");
    await navigate(admin, "Users");
    const usersReady = async () => {
      await admin.locator(".users-table").waitFor();
    };
    await expect(inEachLanguage(admin, "admin-users", usersReady)).resolves.toEqual({ en: [], ru: [], kk: [] });
    const checkerRow = admin.locator('.users-table tr[data-email="checker@factline.local"]');
    await expectReachable(checkerRow.getByRole("button", { name: /Change role/ }));
    await expectReachable(checkerRow.getByRole("button", { name: /API tokens/ }));
    await expectReachable(admin.getByRole("button", { name: "Create invitation link" }));

    await navigate(admin, "About page");
    const aboutReady = async () => {
      await admin.locator(".about-form textarea").first().waitFor();
    };
    await expect(inEachLanguage(admin, "admin-about", aboutReady)).resolves.toEqual({ en: [], ru: [], kk: [] });
    await expectReachable(admin.locator(".about-form button[type=submit]"));
    await admin.context().close();
  }, 240_000);

  let claimId = 0;
  it("lets a checker make a claim from a selection and submit it", async () => {
    const checker = await onPhone("checker@factline.local");
    const article = await importText(
      checker,
      `Phone desk ${stamp}\n\nThe minister said that ${stamp % 1000} new rural clinics opened across the country in 2025, twice as many as a year before. ` +
        `Local officials in three regions said the buildings are finished but still have no doctors, and that the equipment has not arrived.`,
    );

    // The article list and the article, reached through the menu.
    await navigate(checker, "Articles");
    await checker.locator(".articles-table").waitFor();
    await expectFits(checker, "article list");
    await viewportShot(checker, "phone-articles-en");
    await checker.getByRole("link", { name: `Phone desk ${stamp}` }).click();
    await checker.locator(".article-text").waitFor();
    await expectFits(checker, "article");
    const newClaim = checker.getByRole("button", { name: "New claim" });
    await expectReachable(newClaim);

    // A selection in the text, then New claim: the claim panel comes into view under the text.
    await selectWithMouse(checker, "new rural clinics opened across the country");
    await viewportShot(checker, "phone-article-selection");
    await expectReachable(newClaim);
    await newClaim.click();
    await checker.locator(".claim-panel .claim-quote").getByText("new rural clinics opened across the country").waitFor();
    claimId = openClaimId(checker);
    await checker.getByLabel("Claimant", { exact: true }).fill(`Phone Ministry ${stamp}`);
    await checker.getByRole("button", { name: `Create new claimant “Phone Ministry ${stamp}”` }).click();
    await checker.locator(".new-claimant[hidden]").waitFor({ state: "attached" });
    await checker.getByLabel("Verdict").selectOption("misleading");
    await checker.locator(".claim-panel .rich-text-content").click();
    await checker.keyboard.type("The clinics exist, but most have no staff yet.");
    await waitSaved(checker);
    await expectFits(checker, "claim panel (checker)");
    await viewportShot(checker, "phone-claim-panel-checker");
    const submit = checker.locator('[data-action="submit"]');
    await expectReachable(submit);
    await submit.click();
    await checker.locator(".claim-panel .claim-head .badge", { hasText: "In review" }).waitFor();
    await checker.context().close();
  }, 240_000);

  it("lets an editor find it in the queue, comment, approve and publish it; the dashboard, queue and panel pass axe in en, ru, kk", async () => {
    const editor = await onPhone("editor@factline.local");
    await expect(
      inEachLanguage(editor, "dashboard", async () => {
        await editor.locator(".section-body:not([aria-busy])").first().waitFor();
      }),
    ).resolves.toEqual({ en: [], ru: [], kk: [] });
    await navigate(editor, "Review queue");
    const queueReady = async () => {
      await editor.locator(".claims-table").waitFor();
    };
    await expect(inEachLanguage(editor, "queue", queueReady)).resolves.toEqual({ en: [], ru: [], kk: [] });
    const inQueue = editor.locator(`.claims-table a[href$="/claims/${claimId}"]`);
    await expectReachable(inQueue);
    await inQueue.click();
    await editor.locator('[data-action="approve"]').waitFor();
    // Opened on a phone, the panel is what is on screen, not the text above it.
    await expect(editor.locator(".claim-panel").evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).resolves.toBe(true);
    const panelReady = async () => {
      await editor.locator(".claim-panel .claim-quote").waitFor();
      await editor.locator(".discussion").waitFor();
    };
    await expect(inEachLanguage(editor, "claim-panel-editor", panelReady)).resolves.toEqual({ en: [], ru: [], kk: [] });

    // The panel's tables (where the claim stood in each revision) and history fit too.
    await editor.locator(".claim-panel summary", { hasText: "Place in every revision" }).click();
    await editor.locator(".anchor-history tbody tr").first().waitFor();
    await expectFits(editor, "place in every revision");
    await editor.locator(".history-box summary").click();
    await expectFits(editor, "history");
    await viewportShot(editor, "phone-claim-history");

    const comment = editor.getByLabel("Add a comment");
    await expectReachable(comment);
    await comment.fill("Checked against the ministry's list on a phone.");
    await expectReachable(editor.getByRole("button", { name: "Post comment" }));
    await editor.getByRole("button", { name: "Post comment" }).click();
    await editor.locator(".comment-body", { hasText: "on a phone" }).waitFor();

    const approve = editor.locator('[data-action="approve"]:not([disabled])');
    await expectReachable(approve);
    await approve.click();
    await editor.locator(".claim-panel .claim-head .badge", { hasText: "Approved" }).waitFor();
    const publish = editor.locator('[data-action="publish"]:not([disabled])');
    await expectReachable(publish);
    await publish.click();
    const confirm = editor.locator('[data-action="confirm-publish"]');
    await confirm.waitFor();
    await expectFits(editor, "publish preview");
    await viewportShot(editor, "phone-publish-preview");
    await expectReachable(confirm);
    await confirm.click();
    await editor.locator(".claim-panel .claim-head .badge", { hasText: "Published" }).waitFor();
    await expectFits(editor, "published claim");

    // The claimant tools in the panel (kind, description, merging a duplicate) fit as well.
    await editor.locator(".claim-panel summary", { hasText: "Merge a duplicate into this claimant" }).click();
    await expectFits(editor, "claimant tools");
    await viewportShot(editor, "phone-claimant-tools");
    await editor.context().close();
  }, 300_000);

  it("fits the article list and search, and axe finds nothing serious there in en, ru, kk", async () => {
    const editor = await onPhone("editor@factline.local");
    await navigate(editor, "Articles");
    await expect(
      inEachLanguage(editor, "articles", async () => {
        await editor.locator(".articles-table").waitFor();
      }),
    ).resolves.toEqual({ en: [], ru: [], kk: [] });
    await navigate(editor, "Search");
    await editor.getByLabel("Search for").fill("rural clinics");
    const searchButton = editor.locator(".search-form button[type=submit]");
    await expectReachable(searchButton);
    await searchButton.click();
    const searchReady = async () => {
      await editor.locator(".search-result").first().waitFor();
    };
    await expect(inEachLanguage(editor, "search", searchReady)).resolves.toEqual({ en: [], ru: [], kk: [] });
    await editor.context().close();
  }, 240_000);

  it("leaves the desktop layout as it was: the navigation in the top bar, the text beside the claim panel (1280 px)", async () => {
    const editor = await loginAs(browser(), baseUrl, "editor@factline.local");
    await editor.setViewportSize({ width: 1280, height: 900 });
    await expect(menuButton(editor).isVisible()).resolves.toBe(false);
    await expect(editor.locator(".topbar .nav").getByRole("link", { name: "Review queue" }).isVisible()).resolves.toBe(true);
    await editor.goto(`${baseUrl}/app/#/articles`);
    await editor.getByRole("link", { name: /Motor Rallies/ }).click();
    await editor.locator(".claim-link").first().click();
    await editor.locator(".claim-panel .claim-quote").waitFor();
    const text = await editor.locator(".article-pane").boundingBox();
    const side = await editor.locator(".side-pane").boundingBox();
    expect(side!.x).toBeGreaterThan(text!.x + text!.width - 1);
    await expectFits(editor, "desktop article view");
    await viewportShot(editor, "desktop-1280-article-view");
    await editor.context().close();
  });
});
