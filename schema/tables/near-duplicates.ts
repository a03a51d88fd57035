import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { articles } from "./articles";
import { nowIso as now } from "./columns";
import { users } from "./users";

/** MinHash signature of an article's first text (worker/domain/near-duplicate.ts), hex. */
export const articleMinhash = sqliteTable("article_minhash", {
  articleId: integer()
    .primaryKey()
    .references(() => articles.id),
  signature: text().notNull(),
});

/** LSH band keys of each signature: articles that share a band are the candidates to compare. */
export const articleBands = sqliteTable(
  "article_bands",
  {
    band: text().notNull(),
    articleId: integer()
      .notNull()
      .references(() => articles.id),
  },
  (t) => [primaryKey({ columns: [t.band, t.articleId] })],
);

/** A reprint with small edits: not a second article, but a record linked to the original, with its similarity. */
export const articleReprints = sqliteTable(
  "article_reprints",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    originalId: integer()
      .notNull()
      .references(() => articles.id),
    bodyHash: text().notNull().unique(),
    similarity: real().notNull(),
    title: text(),
    sourceUrl: text(),
    publisher: text(),
    createdBy: integer().references(() => users.id),
    createdAt: text().notNull().default(now),
  },
  (t) => [index("article_reprints_original_idx").on(t.originalId)],
);
