import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { roles } from "../enums";
import { nowIso as now } from "./columns";

export const users = sqliteTable("users", {
  id: integer().primaryKey({ autoIncrement: true }),
  email: text().notNull().unique(),
  name: text().notNull(),
  role: text({ enum: roles }).notNull(),
  /** `pbkdf2-sha256$iterations$salt$hash`, base64url; null until the invitation is accepted. */
  passwordHash: text(),
  disabledAt: text(),
  version: integer().notNull().default(1),
  createdAt: text().notNull().default(now),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** SHA-256 of the cookie token: a database leak yields no usable session. */
    tokenHash: text().notNull().unique(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: text().notNull().default(now),
    expiresAt: text().notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = sqliteTable("api_tokens", {
  id: integer().primaryKey({ autoIncrement: true }),
  tokenHash: text().notNull().unique(),
  userId: integer()
    .notNull()
    .references(() => users.id),
  name: text().notNull(),
  createdAt: text().notNull().default(now),
  /** Chosen at creation (see apiTokenInput); a token past it authenticates nobody. */
  expiresAt: text(),
  revokedAt: text(),
});

export const invitations = sqliteTable("invitations", {
  id: integer().primaryKey({ autoIncrement: true }),
  tokenHash: text().notNull().unique(),
  email: text().notNull(),
  role: text({ enum: roles }).notNull(),
  invitedBy: integer()
    .notNull()
    .references(() => users.id),
  expiresAt: text().notNull(),
  acceptedAt: text(),
  createdAt: text().notNull().default(now),
});

/** Fixed-window login counters, keyed by account and by client, so a restart forgets nothing. */
export const loginAttempts = sqliteTable("login_attempts", {
  key: text().primaryKey(),
  windowStart: integer().notNull(),
  failures: integer().notNull().default(0),
});
