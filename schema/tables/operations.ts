import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { articles } from "./articles";
import { nowIso as now } from "./columns";
import { users } from "./users";

/**
 * Where publish, correct and retract events are POSTed. `secret` signs them (HMAC-SHA256), so it is
 * kept as is, not hashed; the API shows it once, when the webhook is created, and never again.
 */
export const webhooks = sqliteTable("webhooks", {
  id: integer().primaryKey({ autoIncrement: true }),
  url: text().notNull(),
  secret: text().notNull(),
  description: text(),
  createdBy: integer().references(() => users.id),
  createdAt: text().notNull().default(now),
  disabledAt: text(),
});

/** The outbox: one row per event and webhook, written in the same batch as the transition. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    webhookId: integer()
      .notNull()
      .references(() => webhooks.id),
    event: text().notNull(),
    /** The exact JSON body that is signed and sent. */
    payload: text().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: text().notNull(),
    deliveredAt: text(),
    /** Set when the retries are used up. */
    failedAt: text(),
    lastStatus: integer(),
    lastError: text(),
    createdAt: text().notNull().default(now),
  },
  (t) => [index("webhook_deliveries_due_idx").on(t.deliveredAt, t.failedAt, t.nextAttemptAt)],
);

/** The stealth-edit watch's schedule, set by an admin: one row (id 1); none means off. */
export const watchSettings = sqliteTable("watch_settings", {
  id: integer().primaryKey(),
  enabled: integer({ mode: "boolean" }).notNull().default(false),
  intervalMinutes: integer().notNull().default(360),
  maxFetchesPerRun: integer().notNull().default(10),
  version: integer().notNull().default(1),
  updatedBy: integer().references(() => users.id),
  updatedAt: text().notNull().default(now),
});

/** What the watch knows of each watched article's source page: validators, schedule, failures. */
export const sourceWatch = sqliteTable("source_watch", {
  articleId: integer()
    .primaryKey()
    .references(() => articles.id),
  etag: text(),
  lastModified: text(),
  checkedAt: text(),
  nextCheckAt: text(),
  failures: integer().notNull().default(0),
  lastStatus: integer(),
  lastError: text(),
  changedAt: text(),
});
