import { and, desc, eq, sql } from "drizzle-orm";
import { aboutContent, aboutSections, type AboutContent, type TipForm } from "../../schema/site-inputs";
import { articles, claims, sitePages, tips, writeGuards } from "../../schema/tables";
import type { Db } from "../db";
import { auditInsert, guardOneRow, isStaleWrite } from "./audit";
import { runBatch } from "./batch";
import { labelOverrides } from "./ratings";
import { publicVersionOf, versionIn } from "./public";
import { refuse } from "./refusal";

/** The about page before an admin writes it: empty sections (the public page says so). */
const emptyAbout: AboutContent = Object.fromEntries(aboutSections.map((s) => [s, { en: "", ru: "", kk: "" }])) as AboutContent;

function parseAbout(raw: string | undefined): AboutContent {
  if (!raw) return emptyAbout;
  const parsed = aboutContent.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : emptyAbout;
}

/** The about page for the workspace's form: its content and version (0 before the first save). */
export async function aboutPage(db: Db) {
  const row = await db.select().from(sitePages).where(eq(sitePages.key, "about")).get();
  return { version: row?.version ?? 0, content: parseAbout(row?.content), updatedAt: row?.updatedAt ?? null };
}

/** The about page for the public, with the public version read in the same batch. */
export async function publicAbout(db: Db) {
  const [rows, version] = await db.batch([db.select().from(sitePages).where(eq(sitePages.key, "about")), publicVersionOf(db)]);
  return { content: parseAbout(rows[0]?.content), version: versionIn(version) };
}

/** Save the about page at the version its editor saw; audited; the trigger of migration 0028 refreshes public pages. */
export async function saveAbout(db: Db, version: number, content: AboutContent, actorId: number) {
  const before = await db.select().from(sitePages).where(eq(sitePages.key, "about")).get();
  const current = before?.version ?? 0;
  if (version !== current) throw refuse("conflict", "stale_version", "Someone changed this page first.", { currentVersion: current });
  const json = JSON.stringify(content);
  const write = before
    ? db.update(sitePages).set({ content: json, version: sql`${sitePages.version} + 1`, updatedBy: actorId, updatedAt: new Date().toISOString() }).where(eq(sitePages.key, "about"))
    : db.insert(sitePages).values({ key: "about", content: json, updatedBy: actorId });
  try {
    await runBatch(db, [
      ...(before ? [guardOneRow(db, sitePages, and(eq(sitePages.key, "about"), eq(sitePages.version, version)))] : []),
      write,
      auditInsert(db, { actorId, action: "site.about", entityType: "site_page", entityId: 0, before: before ? parseAbout(before.content) : null, after: content }),
      db.delete(writeGuards),
    ]);
  } catch (err) {
    if (isStaleWrite(err) || String((err as Error).cause ?? err).includes("UNIQUE")) throw refuse("conflict", "stale_version", "Someone changed this page first.");
    throw err;
  }
  return aboutPage(db);
}

/** The methodology page's data: the scale in force and, for each rating, the latest public fact-check with it. */
export async function methodologyData(db: Db) {
  const latest = db
    .select({ id: claims.id, ratingKey: claims.ratingKey, exact: claims.exact, language: articles.language, publishedAt: claims.publishedAt })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(eq(claims.state, "published"), sql`${claims.id} in (select max(c.id) from claims c where c.state = 'published' and c.rating_key is not null group by c.rating_key)`));
  const [overrides, examples, version] = await db.batch([labelOverrides(db), latest, publicVersionOf(db)]);
  return { overrides, examples, version: versionIn(version) };
}

/** Keep a reader's tip. */
export async function saveTip(db: Db, tip: Pick<TipForm, "claim" | "url" | "message" | "contact">, language: string) {
  await db.insert(tips).values({ claim: tip.claim, url: tip.url || null, message: tip.message || null, contact: tip.contact || null, language });
}

/** Readers' tips, newest first, with the total. */
export async function listTips(db: Db, limit: number, offset: number) {
  const [items, [{ total }]] = await db.batch([
    db.select().from(tips).orderBy(desc(tips.id)).limit(limit).offset(offset),
    db.select({ total: sql<number>`count(*)` }).from(tips),
  ]);
  return { items, total };
}
