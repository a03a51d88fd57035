import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The FTS5 table of the hand-written migration 0001, declared for drizzle's query builder only.
 * It is deliberately outside schema/tables/ so that drizzle-kit does not try to create it.
 */
export const articleSearch = sqliteTable("article_search", {
  rowid: integer().primaryKey(),
  title: text().notNull(),
  body: text().notNull(),
});
