import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "../../schema/tables";
import type { Db } from "../db";
import { refuse } from "./refusal";

/** A user's API tokens, revoked ones included, without their hashes. */
export function listApiTokens(db: Db, userId: number) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId));
}

/** Revoke one of the user's own active tokens; anyone else's, or a revoked one, is not_found. */
export async function revokeApiToken(db: Db, userId: number, id: number) {
  const result = await db
    .update(apiTokens)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (result.length === 0) throw refuse("not_found", "not_found", `You have no active token ${id}.`);
}
