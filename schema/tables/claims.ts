import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { anchorStatuses, claimantKinds, claimStates } from "../enums";
import { articleRevisions, articles } from "./articles";
import { nowIso as now } from "./columns";
import { users } from "./users";

/** A proposed place for a public claim: a selector into `revisionId`, and who proposed it. */
export interface AnchorProposal {
  revisionId: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  proposedBy: number;
}

/** A verdict-changing correction as written, before a second editor approves it. */
export interface PendingCorrection {
  ratingKey: string;
  explanation: unknown;
  reason: string | null;
  proposedBy: number;
}

export const claimants = sqliteTable("claimants", {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull(),
  /** Case- and space-folded name, so autocomplete never creates "Baitak" twice. */
  nameKey: text().notNull().unique(),
  kind: text({ enum: claimantKinds }).notNull().default("person"),
  /** Staff-only until an editor approves it (see publicDescription). */
  description: text(),
  /** Who wrote `description` as it stands: they may not approve it themselves. */
  descriptionBy: integer().references(() => users.id),
  /** The description the public sees: a copy of `description` taken when an editor approved it. */
  publicDescription: text(),
  /** Who created the claimant (null for those made before this was kept): they may set its kind, as editors may. */
  createdBy: integer().references(() => users.id),
  version: integer().notNull().default(1),
  createdAt: text().notNull().default(now),
});

/** The annotation. Selectors follow W3C: positions count code points in the revision's text. */
export const claims = sqliteTable(
  "claims",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    articleId: integer()
      .notNull()
      .references(() => articles.id),
    revisionId: integer()
      .notNull()
      .references(() => articleRevisions.id),
    exact: text().notNull(),
    prefix: text().notNull().default(""),
    suffix: text().notNull().default(""),
    start: integer().notNull(),
    end: integer().notNull(),
    anchorStatus: text({ enum: anchorStatuses }).notNull().default("anchored"),
    anchorConfidence: real().notNull().default(1),
    /**
     * Where re-anchoring suggests the claim now is (`changed`), for a person to confirm. While a claim is
     * changed or orphaned its selector still points into `revisionId`, the revision it was made on.
     */
    anchorSuggestion: text({ mode: "json" }).$type<{ exact: string; prefix: string; suffix: string; start: number; end: number } | null>(),
    /**
     * The selector the claim was made with, and its revision: set when re-anchoring first moves the claim, so that the
     * quote matcher can still look for the original words after people confirmed others. Null: still the claim's own.
     */
    anchorOriginal: text({ mode: "json" }).$type<{ exact: string; prefix: string; suffix: string; start: number; end: number; revisionId: number } | null>(),
    claimantId: integer().references(() => claimants.id),
    state: text({ enum: claimStates }).notNull().default("draft"),
    ratingKey: text(),
    /** Tiptap JSON; rendered through an allow-list, never as raw HTML. */
    explanation: text({ mode: "json" }),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    lastEditedBy: integer()
      .notNull()
      .references(() => users.id),
    assigneeId: integer().references(() => users.id),
    /** Four eyes: everyone who changed the claim's content since its last publication (user ids). */
    shapedBy: text({ mode: "json" }).$type<number[]>().notNull().default(sql`'[]'`),
    /** A new place for a public claim, waiting for a second person to confirm it. */
    anchorProposal: text({ mode: "json" }).$type<AnchorProposal | null>(),
    /** A verdict-changing correction of a public claim, waiting for a second editor. */
    pendingCorrection: text({ mode: "json" }).$type<PendingCorrection | null>(),
    /** Set when a correction or rewrite of the article touched a published claim. */
    needsReview: integer({ mode: "boolean" }).notNull().default(false),
    /** Public reason for a correction or retraction. */
    publicNote: text(),
    version: integer().notNull().default(1),
    createdAt: text().notNull().default(now),
    updatedAt: text().notNull().default(now),
    publishedAt: text(),
    /** "The same claim": this appearance is served by that claim's verdict, and its ClaimReview lists this one. */
    sameAsId: integer().references((): AnySQLiteColumn => claims.id),
    /** The id of the annotation this draft was imported from ("hypothesis:…" or "w3c:…"): one claim per annotation and article. */
    importedFrom: text(),
  },
  (t) => [
    index("claims_article_idx").on(t.articleId),
    index("claims_state_idx").on(t.state, t.updatedAt),
    index("claims_same_as_idx").on(t.sameAsId),
    uniqueIndex("claims_imported_from_idx").on(t.articleId, t.importedFrom),
    // Migration 0025 (hand-written) adds partial indexes over public claims for the hot public queries.
  ],
);

/** Verdict history: one row per change of rating or explanation. */
export const verdicts = sqliteTable(
  "verdicts",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    claimId: integer()
      .notNull()
      .references(() => claims.id),
    ratingKey: text().notNull(),
    explanation: text({ mode: "json" }),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: text().notNull().default(now),
  },
  (t) => [index("verdicts_claim_idx").on(t.claimId)],
);

export const sources = sqliteTable(
  "sources",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    claimId: integer()
      .notNull()
      .references(() => claims.id),
    position: integer().notNull().default(0),
    url: text().notNull(),
    title: text(),
    publisher: text(),
    publishedAt: text(),
    accessedAt: text(),
    archivedUrl: text(),
    quote: text(),
  },
  (t) => [index("sources_claim_idx").on(t.claimId)],
);

/** Staff discussion. Never public. */
export const comments = sqliteTable(
  "comments",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    claimId: integer()
      .notNull()
      .references(() => claims.id),
    parentId: integer(),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    createdAt: text().notNull().default(now),
  },
  (t) => [index("comments_claim_idx").on(t.claimId)],
);
