import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { nowIso as now } from "./columns";
import { users } from "./users";

/**
 * Admins' wording of the rating scale. The keys, their order and ClaimReview numbers are fixed in
 * schema/rating-scale.ts (published verdicts refer to them); what a newsroom may change is the label
 * readers see in each language. A missing row or column means the default label.
 */
export const ratingLabels = sqliteTable("rating_labels", {
  key: text().primaryKey(),
  en: text(),
  ru: text(),
  kk: text(),
  version: integer().notNull().default(1),
  updatedBy: integer().references(() => users.id),
  updatedAt: text().notNull().default(now),
});
