import { and, eq, gt, isNull } from "drizzle-orm";
import { apiTokens, sessions, users } from "../../schema/tables";
import type { Db } from "../db";
import type { SessionUser } from "../env";
import { randomToken, sha256Hex } from "./crypto";

/** How long a login lasts: a working day and a night, so a checker on deadline is not logged out mid-claim. */
export const sessionTtlMs = 24 * 60 * 60 * 1000;
export const sessionCookie = "factline_session";

const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role };

/** Start a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(db: Db, userId: number, now = Date.now()) {
  const token = randomToken();
  const expiresAt = new Date(now + sessionTtlMs).toISOString();
  await db.insert(sessions).values({ tokenHash: await sha256Hex(token), userId, expiresAt });
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

/** The user behind a bearer token, if it is not revoked and the user is active. */
export async function userForApiToken(db: Db, token: string): Promise<SessionUser | null> {
  const row = await db
    .select(userColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, await sha256Hex(token)), isNull(apiTokens.revokedAt), isNull(users.disabledAt)))
    .get();
  return row ? { ...row, via: "token" } : null;
}

/** End one session. */
export function deleteSession(db: Db, sessionId: number) {
  return db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** End every session of a user ("log out everywhere"). */
export function deleteUserSessions(db: Db, userId: number) {
  return db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Create an API token for a user; returns the token once (only its hash is stored). */
export async function createApiToken(db: Db, userId: number, name: string) {
  const token = `fl_${randomToken()}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ tokenHash: await sha256Hex(token), userId, name })
    .returning({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt });
  return { ...row, token };
}
