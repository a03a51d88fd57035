import { desc, eq, inArray, type SQL } from "drizzle-orm";
import { articleBands, articleMinhash, articleReprints, articles } from "../../schema/tables";
import { bandKeys, decodeSignature, encodeSignature, nearDuplicateThreshold, similarity } from "../domain/near-duplicate";
import type { Db } from "../db";
import { auditInsert } from "./audit";

/** Enough candidates for any real newsroom; LSH keeps them few. */
const candidateLimit = 50;

/** The most similar existing article at or above the threshold, with its estimated similarity, or null. */
export async function findNearDuplicate(db: Db, sig: number[]) {
  const rows = await db
    .select({ article: articles, signature: articleMinhash.signature })
    .from(articleMinhash)
    .innerJoin(articles, eq(articles.id, articleMinhash.articleId))
    .where(inArray(articleMinhash.articleId, db.selectDistinct({ id: articleBands.articleId }).from(articleBands).where(inArray(articleBands.band, bandKeys(sig))).limit(candidateLimit)));
  let best: { article: typeof articles.$inferSelect; similarity: number } | null = null;
  for (const r of rows) {
    const s = similarity(sig, decodeSignature(r.signature));
    if (s >= nearDuplicateThreshold && (!best || s > best.similarity || (s === best.similarity && r.article.id < best.article.id))) best = { article: r.article, similarity: s };
  }
  return best;
}

/** The statements that store a new article's signature and band keys (in the import's own batch). */
export function minhashStatements(db: Db, articleId: SQL, sig: number[]) {
  return [
    db.insert(articleMinhash).values({ articleId: articleId as never, signature: encodeSignature(sig) }),
    db.insert(articleBands).values(bandKeys(sig).map((band) => ({ band, articleId: articleId as never }))),
  ];
}

/** Record a reprint against its original, once per text, with its audit event. */
export async function recordReprint(
  db: Db,
  original: { id: number },
  reprint: { bodyHash: string; similarity: number; title: string | null; sourceUrl: string | null; publisher: string | null },
  actorId: number | null,
) {
  await db.batch([
    db
      .insert(articleReprints)
      .values({ originalId: original.id, ...reprint, createdBy: actorId })
      .onConflictDoNothing({ target: articleReprints.bodyHash }),
    auditInsert(db, { actorId, action: "article.reprint", entityType: "article", entityId: original.id, after: reprint }),
  ]);
}

/** Reprints found of an article, newest first. */
export function listReprints(db: Db, articleId: number) {
  return db.select().from(articleReprints).where(eq(articleReprints.originalId, articleId)).orderBy(desc(articleReprints.id));
}
