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

/** The FTS5 match index of the hand-written migration 0012 (claim matching), for the query builder only. */
export const matchIndex = sqliteTable("match_index", {
  rowid: integer().primaryKey(),
  terms: text().notNull(),
  title: text().notNull(),
  keys: text().notNull(),
});

/** The FTS5 claim search of the hand-written migration 0023, kept in step by its triggers; for the query builder only. */
export const claimSearch = sqliteTable("claim_search", {
  rowid: integer().primaryKey(),
  quote: text().notNull(),
  explanation: text(),
  claimant: text(),
});
