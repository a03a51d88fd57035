import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { articleRevisions } from "./articles";
import { nowIso as now } from "./columns";
import { users } from "./users";

/**
 * Check-worthy suggestions a person dismissed, per revision: the suggestions themselves are computed
 * from the revision's text (worker/domain/checkworthy), so only the dismissals need storing.
 */
export const suggestionDismissals = sqliteTable(
  "suggestion_dismissals",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    revisionId: integer()
      .notNull()
      .references(() => articleRevisions.id),
    /** The dismissed sentence, as code-point positions in the revision's text (like a TextPositionSelector). */
    start: integer().notNull(),
    end: integer().notNull(),
    dismissedBy: integer().references(() => users.id),
    createdAt: text().notNull().default(now),
  },
  (t) => [uniqueIndex("suggestion_dismissals_revision_range_idx").on(t.revisionId, t.start, t.end)],
);
