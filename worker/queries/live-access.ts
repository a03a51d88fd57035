import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { apiTokens, sessions, users } from "../../schema/tables";
import type { Db } from "../db";
import type { Member } from "../live/member";
import { aliased } from "./alias";

/** A socket's key in the answer of `liveCredentialsValid`: its credential and the role it was opened with. */
export const credentialKey = (m: Pick<Member, "credential" | "role" | "id">) => `${m.credential.via}:${m.credential.id}:${m.id}:${m.role}`;

/**
 * Which of these sockets may still be served: their session has not ended or expired (or their API
 * token was not revoked and has not expired), their account is not disabled, and their role is the one
 * they joined with. One D1 round trip, whatever the number of sockets (the ids are aliased: a batch reads
 * rows by column name).
 */
export async function liveCredentialsValid(db: Db, members: readonly Pick<Member, "credential" | "role" | "id">[], now = Date.now()): Promise<Set<string>> {
  const at = new Date(now).toISOString();
  const ids = (via: "session" | "token") => [...new Set(members.filter((m) => m.credential.via === via).map((m) => m.credential.id))];
  const sessionIds = ids("session");
  const tokenIds = ids("token");
  const [sessionRows, tokenRows] = await db.batch([
    db
      .select({ id: aliased(sessions.id, "session_id"), userId: aliased(users.id, "user_id"), role: users.role })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(inArray(sessions.id, sessionIds.length ? sessionIds : [-1]), gt(sessions.expiresAt, at), isNull(users.disabledAt))),
    db
      .select({ id: aliased(apiTokens.id, "token_id"), userId: aliased(users.id, "user_id"), role: users.role })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(inArray(apiTokens.id, tokenIds.length ? tokenIds : [-1]), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, at), isNull(users.disabledAt))),
  ]);
  return new Set([
    ...sessionRows.map((r) => `session:${r.id}:${r.userId}:${r.role}`),
    ...tokenRows.map((r) => `token:${r.id}:${r.userId}:${r.role}`),
  ]);
}
