import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { anchorStatuses } from "../enums";
import { articleRevisions } from "./articles";
import { claims } from "./claims";
import { nowIso as now } from "./columns";

/** How the revision pipeline decided a step: the diff between the revisions, the exact quote, a fuzzy match, or nothing found. */
export const anchorMethods = ["diff", "quote", "fuzzy", "none"] as const;

/**
 * One row per claim per revision the pipeline re-anchored it in: its place (or suggestion) in that revision
 * and how it was decided. Written in the same batch as the revision. A person's placements are in the audit log.
 */
export const claimAnchorSteps = sqliteTable(
  "claim_anchor_steps",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    claimId: integer()
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    revisionId: integer()
      .notNull()
      .references(() => articleRevisions.id),
    status: text({ enum: anchorStatuses }).notNull(),
    method: text({ enum: anchorMethods }).notNull(),
    confidence: real().notNull(),
    start: integer(),
    end: integer(),
    exact: text(),
    createdAt: text().notNull().default(now),
  },
  (t) => [index("claim_anchor_steps_claim_idx").on(t.claimId, t.revisionId)],
);
