import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { nowIso as now } from "./columns";
import { users } from "./users";

/**
 * Fact-checks published by other organisations, imported from their ClaimReview. They join the match
 * corpus and are always shown as theirs, never as ours.
 */
export const externalFactChecks = sqliteTable("external_fact_checks", {
  id: integer().primaryKey({ autoIncrement: true }),
  /** What makes an import idempotent: the review's URL and claim (or a corpus id). */
  key: text().notNull().unique(),
  claim: text().notNull(),
  /** The review's headline. */
  title: text(),
  /** The organisation's own wording of its verdict (reviewRating.alternateName). */
  rating: text(),
  organisation: text(),
  url: text(),
  /** datePublished of the review, ISO date. */
  reviewedAt: text(),
  language: text(),
  createdBy: integer().references(() => users.id),
  createdAt: text().notNull().default(now),
});
