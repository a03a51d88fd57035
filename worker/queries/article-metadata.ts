/** An article's details (title, outlet, original URL, author, date): read with what decides who may edit them, and written versioned and audited. */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { publicClaimStates } from "../../schema/enums";
import type { articleMetadataInput } from "../../schema/inputs";
import { articles, claims } from "../../schema/tables";
import type { Actor } from "../../schema/workflow";
import type { Db } from "../db";
import { sourceKey } from "../domain/source-key";
import { auditInsert, isStaleWrite, versionGuard } from "./audit";
import { refuse } from "./refusal";

/** The article row and how many of its claims the public sees, or a 404. */
export async function articleForMetadata(db: Db, id: number) {
  const [rows, publicRows] = await db.batch([
    db.select().from(articles).where(eq(articles.id, id)),
    db.select({ n: count() }).from(claims).where(and(eq(claims.articleId, id), inArray(claims.state, [...publicClaimStates]))),
  ]);
  const article = rows[0];
  if (!article) throw refuse("not_found", "not_found", `Article ${id} does not exist.`);
  return { article, publicClaims: publicRows[0]?.n ?? 0 };
}

/**
 * Write the details sent (undefined keeps one, null clears it) at `version`. The public version moves
 * in the same batch, so the public pages (and their copies in memory) show the new details.
 */
export async function updateArticleMetadata(db: Db, before: typeof articles.$inferSelect, input: z.output<typeof articleMetadataInput>, actor: Actor) {
  const { version, ...fields } = input;
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<typeof articles.$inferInsert>;
  if (fields.sourceUrl !== undefined) set.sourceKey = fields.sourceUrl ? sourceKey(fields.sourceUrl) : null;
  const guard = versionGuard(db, articles, before.id, version);
  const was = { title: before.title, sourceUrl: before.sourceUrl, publisher: before.publisher, author: before.author, publishedAt: before.publishedAt };
  try {
    await db.batch([
      guard.open,
      db
        .update(articles)
        .set({ ...set, version: sql`${articles.version} + 1`, publicVersion: sql`${articles.publicVersion} + 1`, updatedAt: new Date().toISOString() })
        .where(eq(articles.id, before.id)),
      auditInsert(db, { actorId: actor.id, action: "article.metadata", entityType: "article", entityId: before.id, before: was, after: fields }),
      guard.close,
    ]);
  } catch (err) {
    if (isStaleWrite(err)) throw refuse("conflict", "stale_version", "Someone changed this article first. Reload to see their change.", { currentVersion: before.version });
    throw err;
  }
  return (await articleForMetadata(db, before.id)).article;
}
