import { inArray, sql } from "drizzle-orm";
import { matchIndex } from "../../schema/search-table";
import { externalFactChecks } from "../../schema/tables";
import { externalKey, type ExternalReview } from "../domain/claimreview-import";
import { matchDocument } from "../domain/matching/match-doc";
import type { Db } from "../db";
import { auditInsert } from "./audit";

/** D1 binds at most 100 parameters a statement: look keys up in slices. */
const keySlice = 90;

export interface FactCheckImport {
  created: number;
  existing: number;
}

/**
 * Store other organisations' fact-checks and put them into the match index, in ONE batch with the
 * audit event: either all of them or none. Idempotent: a review already stored (same key) is counted
 * as existing and left as it is. `key` overrides the review's own key (the match CLI's corpus ids).
 */
export async function importExternalReviews(db: Db, reviews: readonly (ExternalReview & { key?: string })[], actorId: number | null): Promise<FactCheckImport> {
  const byKey = new Map(reviews.map((r) => [r.key ?? externalKey(r), r]));
  const keys = [...byKey.keys()];
  const existing = new Set<string>();
  for (let i = 0; i < keys.length; i += keySlice) {
    const rows = await db.select({ key: externalFactChecks.key }).from(externalFactChecks).where(inArray(externalFactChecks.key, keys.slice(i, i + keySlice)));
    for (const r of rows) existing.add(r.key);
  }
  const fresh = keys.filter((k) => !existing.has(k));
  if (fresh.length === 0) return { created: 0, existing: existing.size };
  const statements = fresh.flatMap((key) => {
    const r = byKey.get(key)!;
    const values = { key, claim: r.claim, title: r.title, rating: r.rating, organisation: r.organisation, url: r.url, reviewedAt: r.reviewedAt, language: r.language, createdBy: actorId };
    return [
      // Two imports at once: the unique key lets one row through and the other insert does nothing.
      db.insert(externalFactChecks).values(values).onConflictDoNothing({ target: externalFactChecks.key }),
      db
        .insert(matchIndex)
        .select(
          db
            .select({ rowid: sql<number>`-${externalFactChecks.id}`.as("rowid"), ...literalDocument(r.claim, r.title) })
            .from(externalFactChecks)
            .where(sql`${externalFactChecks.key} = ${key} and not exists (select 1 from match_index where rowid = -${externalFactChecks.id})`),
        ),
    ];
  });
  await db.batch([
    ...(statements as [never, ...never[]]),
    auditInsert(db, { actorId, action: "fact_checks.import", entityType: "external_fact_check", entityId: 0, after: { created: fresh.length, existing: existing.size } }),
  ]);
  return { created: fresh.length, existing: existing.size };
}

/** The index columns of a review as SQL literals for INSERT … SELECT. */
function literalDocument(claim: string, title: string | null) {
  const doc = matchDocument(claim, title ?? "");
  return { terms: sql<string>`${doc.terms}`.as("terms"), title: sql<string>`${doc.title}`.as("title"), keys: sql<string>`${doc.keys}`.as("keys") };
}
