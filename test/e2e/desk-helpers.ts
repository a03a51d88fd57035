import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { apiCall, chooseLanguage, viewportShot } from "./workspace-helpers";

/** Serious and critical axe violations on the page as it is now, within `include` when given. */
export async function seriousViolations(page: Page, include?: string) {
  let builder = new AxeBuilder({ page: page as never });
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}


/**
 * For each UI language: switch to it, run `ready` (wait for the screen), collect axe's serious and critical
 * violations and save a desktop PNG named `name-<lang>`. Ends in English. Returns the violations by language.
 */
export async function inEachLanguage(page: Page, name: string, ready: () => Promise<void>, include?: string) {
  const found: Record<string, string[]> = {};
  for (const lang of ["en", "ru", "kk"] as const) {
    // The language's strings load as a chunk of their own; the screen is redrawn once they are here.
    if (lang !== "en") await chooseLanguage(page, lang);
    else await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await ready();
    found[lang] = await seriousViolations(page, include);
    await viewportShot(page, `${name}-${lang}`);
  }
  await chooseLanguage(page, "en");
  return found;
}

/** The same screen at a phone's width (390 × 844), as a PNG. Restores the desktop size. */
export async function phoneShot(page: Page, name: string, ready: () => Promise<void>) {
  await page.setViewportSize({ width: 390, height: 844 });
  await ready();
  await viewportShot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1400, height: 900 });
}

/** Import a plain-text article through the API from a signed-in page; its id and canonical text. */
export async function importText(page: Page, text: string, extra: Record<string, unknown> = {}) {
  const res = await apiCall(page, "POST", "/api/articles", { text, ...extra });
  if (res.status !== 201) throw new Error(`import: ${res.status} ${JSON.stringify(res.body)}`);
  const article = (res.body as { article: { id: number; slug: string } }).article;
  const detail = await apiCall(page, "GET", `/api/articles/${article.id}`);
  return { ...article, text: (detail.body as { revision: { text: string } }).revision.text };
}

/** Create a claim on `exact` (ASCII text) through the API; the claim. */
export async function claimOn(page: Page, article: { id: number; text: string }, exact: string, content: Record<string, unknown> = {}) {
  const start = article.text.indexOf(exact);
  const selector = [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end: start + exact.length }];
  const res = await apiCall(page, "POST", `/api/articles/${article.id}/claims`, { selector, ...content });
  if (res.status !== 201) throw new Error(`claim: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { claim: { id: number; version: number } }).claim;
}
