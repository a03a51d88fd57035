import { asc, eq, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { claimantRef } from "../../schema/inputs";
import { claimants } from "../../schema/tables";
import { foldKey } from "../../schema/text/fold";
import type { Db } from "../db";
import type { Statement } from "./batch";
import { refuse } from "./refusal";

/** Claimants whose folded name contains the folded `q` (all of them for an empty `q`), by name. */
export function searchClaimants(db: Db, q: string, limit: number) {
  const key = foldKey(q);
  return (
    db
      .select({ id: claimants.id, name: claimants.name, kind: claimants.kind })
      .from(claimants)
      // instr, not LIKE: no wildcards to escape, and no D1 limit on pattern length.
      .where(key ? sql`instr(${claimants.nameKey}, ${key}) > 0` : undefined)
      .orderBy(asc(claimants.name))
      .limit(limit)
  );
}

/**
 * Statements that make sure a claimant exists, and the SQL that yields its id inside the same batch.
 * A new name that folds to an existing one's key (case, spacing, quote marks, ё) is that claimant.
 */
export async function resolveClaimant(db: Db, ref: z.output<typeof claimantRef>): Promise<{ statements: Statement[]; id: SQL | number }> {
  if ("id" in ref) {
    const found = await db.select({ id: claimants.id }).from(claimants).where(eq(claimants.id, ref.id)).get();
    if (!found) throw refuse("invalid", "unknown_claimant", `Claimant ${ref.id} does not exist.`);
    return { statements: [], id: ref.id };
  }
  const key = foldKey(ref.name);
  const insert = db
    .insert(claimants)
    .values({ name: ref.name.trim(), nameKey: key, kind: ref.kind ?? "person", description: ref.description ?? null })
    .onConflictDoNothing({ target: claimants.nameKey });
  return { statements: [insert], id: sql`(select id from ${claimants} where ${claimants.nameKey} = ${key})` };
}
