import { and, eq, gt, isNull } from "drizzle-orm";
import { apiTokens, sessions, users } from "../../schema/tables";
import type { Db } from "../db";
import { runBatch, type Statement } from "../queries/batch";
import type { SessionUser } from "../env";
import { randomToken, sha256Hex } from "./crypto";

/** How long a login lasts: a working day and a night, so a checker on deadline is not logged out mid-claim. */
export const sessionTtlMs = 24 * 60 * 60 * 1000;
export const sessionCookie = "factline_session";

const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role };

/**
 * Start a session; returns the token for the cookie (only its hash is stored). `alongside` are written in
 * the same batch (a login's forgiven attempt), so a failure stores neither.
 */
export async function createSession(db: Db, userId: number, now = Date.now(), alongside: Statement[] = []) {
  const token = randomToken();
  const expiresAt = new Date(now + sessionTtlMs).toISOString();
  await runBatch(db, [db.insert(sessions).values({ tokenHash: await sha256Hex(token), userId, expiresAt }), ...alongside]);
  return { token, expiresAt };
}

/** The user behind a session cookie, if the session exists, has not expired and the user is active. */
export async function userForSession(db: Db, token: string, now = Date.now()): Promise<SessionUser | null> {
  const row = await db
    .select({ ...userColumns, sessionId: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, await sha256Hex(token)), gt(sessions.expiresAt, new Date(now).toISOString()), isNull(users.disabledAt)))
    .get();
  return row ? { ...row, via: "session" } : null;
}

/** The user behind a bearer token, if it is neither revoked nor expired and the user is active. */
export async function userForApiToken(db: Db, token: string, now = Date.now()): Promise<SessionUser | null> {
  const row = await db
    .select({ ...userColumns, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(eq(apiTokens.tokenHash, await sha256Hex(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, new Date(now).toISOString()), isNull(users.disabledAt)),
    )
    .get();
  return row ? { ...row, via: "token" } : null;
}

/** End one session. */
export function deleteSession(db: Db, sessionId: number) {
  return db.delete(sessions).where(eq(sessions.id, sessionId));
}

/**
 * Statements that end every session of a user and revoke every API token of theirs, for one batch
 * with the audit event of why: "log out everywhere", or an admin disabling the account.
 */
export function endAllAccess(db: Db, userId: number, now = new Date().toISOString()) {
  return [
    db.delete(sessions).where(eq(sessions.userId, userId)),
    db.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))),
  ] as const;
}

/** Create an API token for a user, valid for `days`; returns the token once (only its hash is stored). */
export async function createApiToken(db: Db, userId: number, name: string, days: number, now = Date.now()) {
  const token = `fl_${randomToken()}`;
  const expiresAt = new Date(now + days * 24 * 60 * 60 * 1000).toISOString();
  const [row] = await db
    .insert(apiTokens)
    .values({ tokenHash: await sha256Hex(token), userId, name, expiresAt })
    .returning({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, expiresAt: apiTokens.expiresAt });
  return { ...row, token };
}
