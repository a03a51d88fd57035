import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { nowIso as now } from "./columns";
import { users } from "./users";

/**
 * Site pages an admin edits in the workspace (key "about"): `content` is JSON, one text a section and
 * language (schema/site-inputs.ts). Hand-written migration 0028 adds triggers that move public_state on.
 */
export const sitePages = sqliteTable("site_pages", {
  key: text().primaryKey(),
  content: text().notNull(),
  version: integer().notNull().default(1),
  updatedBy: integer().references(() => users.id),
  updatedAt: text().notNull().default(now),
});

/** A reader's suggestion of a claim to check, from the public contact form. */
export const tips = sqliteTable(
  "tips",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    claim: text().notNull(),
    url: text(),
    message: text(),
    contact: text(),
    language: text().notNull(),
    createdAt: text().notNull().default(now),
  },
  (t) => [index("tips_created").on(t.createdAt)],
);
