import { and, desc, eq, isNull } from "drizzle-orm";
import { apiTokens, writeGuards } from "../../schema/tables";
import type { Db } from "../db";
import { refuse } from "./refusal";
import { endAllAccess } from "../auth/sessions";
import { auditInsert, guardOneRow, isStaleWrite } from "./audit";

/** Log a user out everywhere: every session ends and every API token is revoked, in one batch with its audit event. */
export async function logOutEverywhere(db: Db, userId: number) {
  await db.batch([...endAllAccess(db, userId), auditInsert(db, { actorId: userId, action: "user.logout_everywhere", entityType: "user", entityId: userId })]);
}

/** A user's API tokens, newest first, revoked and expired ones included, without their hashes. */
export function listApiTokens(db: Db, userId: number) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.id));
}

/** Revoke user `userId`'s active token `id`, with its audit event; a 404 for anyone else's or a revoked one. */
export async function revokeApiToken(db: Db, userId: number, id: number, actorId: number) {
  const active = and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt));
  try {
    await db.batch([
      guardOneRow(db, apiTokens, active),
      db.update(apiTokens).set({ revokedAt: new Date().toISOString() }).where(active),
      auditInsert(db, { actorId, action: "token.revoke", entityType: "user", entityId: userId, after: { tokenId: id } }),
      db.delete(writeGuards),
    ]);
  } catch (err) {
    if (isStaleWrite(err)) throw refuse("not_found", "not_found", `User ${userId} has no active token ${id}.`);
    throw err;
  }
}
