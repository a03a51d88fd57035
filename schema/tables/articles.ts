import { index, integer, sqliteTable, text, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { nowIso as now } from "./columns";
import { users } from "./users";

export const articles = sqliteTable(
  "articles",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    slug: text().notNull().unique(),
    title: text().notNull(),
    /** BCP 47 tag of the article's own language (sets `lang` wherever it is shown). */
    language: text().notNull(),
    sourceUrl: text(),
    /** sourceKey(sourceUrl): how a publisher's page finds its article (see worker/domain/source-key.ts). */
    sourceKey: text(),
    publisher: text(),
    /** The article's author, as the outlet names them. */
    author: text(),
    /** Publication date as the article states it, ISO date. */
    publishedAt: text(),
    currentRevisionId: integer().references((): AnySQLiteColumn => articleRevisions.id),
    /** Hash of the normalised body of the current revision: the duplicate check. */
    bodyHash: text().notNull().unique(),
    version: integer().notNull().default(1),
    /** Bumped in the same batch as anything the public sees change: the key of every public cache entry. */
    publicVersion: integer().notNull().default(1),
    createdBy: integer().references(() => users.id),
    createdAt: text().notNull().default(now),
    updatedAt: text().notNull().default(now),
  },
  (t) => [index("articles_source_key_idx").on(t.sourceKey)],
);

/** Every version of an article's text. Rows are never updated: the text is evidence. */
export const articleRevisions = sqliteTable(
  "article_revisions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    articleId: integer()
      .notNull()
      .references((): AnySQLiteColumn => articles.id),
    number: integer().notNull(),
    /** Tiptap JSON of the text (paragraphs only). */
    doc: text({ mode: "json" }).notNull(),
    /** The canonical plain text that selectors index into (paragraphs joined by "\n\n"). */
    text: text().notNull(),
    contentHash: text().notNull(),
    /** Hash of this revision's normalised body (as articles.bodyHash): an older copy imported again is recognised by it. */
    bodyHash: text(),
    createdBy: integer().references(() => users.id),
    createdAt: text().notNull().default(now),
  },
  (t) => [index("article_revisions_article_idx").on(t.articleId, t.number), index("article_revisions_body_hash_idx").on(t.bodyHash)],
);
