import { and, eq, isNotNull, sql } from "drizzle-orm";
import { claims, writeGuards } from "../../schema/tables";
import type { Actor } from "../../schema/workflow";
import type { Db } from "../db";
import { importComment, type ExternalAnnotation, type PassedOver } from "../domain/annotation-import";
import { prepareText, reanchor, type AnchorStatus } from "../domain/anchoring";
import { isStaleWrite } from "./audit";
import { batchStatements } from "./batch";
import { currentRevisionGuard } from "./claims";
import { refuse } from "./refusal";
import { getArticleWithRevision } from "./revisions";

/** What became of one annotation of an import. */
export interface ImportedItem {
  id: string | null;
  format: "hypothesis" | "w3c" | null;
  status: AnchorStatus | "skipped" | "invalid";
  /** The draft it became (or already was). */
  claimId?: number;
  confidence?: number;
  exact?: string;
  reason?: string;
}

const outcomes = ["anchored", "moved", "changed", "orphaned", "skipped", "invalid"] as const;

/**
 * Place annotations from another tool on the article's current revision through the re-anchoring
 * engine, as drafts of `actor` with the annotation in a comment; all in one batch. Placed (anchored,
 * moved) and changed ones (their suggested place, for a person to confirm) become drafts; an orphaned
 * one has no place in our text and is only reported. An annotation imported before is skipped.
 */
export async function importAnnotations(db: Db, articleId: number, read: { found: ExternalAnnotation[]; passedOver: PassedOver[] }, actor: Actor) {
  const [{ revision }, earlier] = await Promise.all([
    getArticleWithRevision(db, articleId),
    db.select({ id: claims.id, key: claims.importedFrom }).from(claims).where(and(eq(claims.articleId, articleId), isNotNull(claims.importedFrom))),
  ]);
  const already = new Map(earlier.map((row) => [row.key, row.id]));
  const text = prepareText(revision.text);
  const items: ImportedItem[] = [];
  const rows = [];
  for (const a of read.found) {
    const base = { id: a.id, format: a.format };
    const claimId = already.get(a.key);
    if (claimId !== undefined) {
      items.push({ ...base, status: "skipped", claimId, reason: `already imported as claim ${claimId}` });
      continue;
    }
    const placed = reanchor(a.selector, text);
    if (!placed.selector) {
      items.push({ ...base, status: "orphaned", exact: a.selector.exact, reason: `not found in the current text (${placed.reason})` });
      continue;
    }
    items.push({ ...base, status: placed.status, confidence: placed.confidence, exact: placed.selector.exact });
    rows.push({
      key: a.key,
      selector: placed.selector,
      status: placed.status,
      confidence: placed.confidence,
      suggestion: placed.status === "changed" ? placed.selector : null,
      comment: importComment(a),
      audit: { format: a.format, annotation: a.id, source: a.source, status: placed.status, confidence: placed.confidence, quote: a.selector.exact, exact: placed.selector.exact, start: placed.selector.start, end: placed.selector.end },
    });
  }
  items.push(...read.passedOver.map((p) => ({ id: p.id, format: p.format, status: p.status, reason: p.reason })));

  if (rows.length) {
    const payload = JSON.stringify(rows);
    const created = sql`join claims c on c.article_id = ${articleId} and c.imported_from = json_extract(u.value, '$.key')`;
    await batchStatements(db, [
      currentRevisionGuard(db, articleId, revision.id),
      // Every draft in one statement, whatever their number: the placements travel as one JSON array.
      sql`insert into claims (article_id, revision_id, exact, prefix, suffix, start, "end", anchor_status, anchor_confidence, anchor_suggestion, author_id, last_edited_by, shaped_by, imported_from)
        select ${articleId}, ${revision.id}, json_extract(u.value, '$.selector.exact'), json_extract(u.value, '$.selector.prefix'), json_extract(u.value, '$.selector.suffix'),
          json_extract(u.value, '$.selector.start'), json_extract(u.value, '$.selector.end'), json_extract(u.value, '$.status'), json_extract(u.value, '$.confidence'),
          json_extract(u.value, '$.suggestion'), ${actor.id}, ${actor.id}, json_array(${actor.id}), json_extract(u.value, '$.key')
        from json_each(${payload}) as u order by u.key`,
      sql`insert into comments (claim_id, author_id, body) select c.id, ${actor.id}, json_extract(u.value, '$.comment') from json_each(${payload}) as u ${created}`,
      sql`insert into audit_events (actor_id, action, entity_type, entity_id, after)
        select ${actor.id}, 'claim.import', 'claim', c.id, json_extract(u.value, '$.audit') from json_each(${payload}) as u ${created}`,
      db.delete(writeGuards),
    ]).catch((err) => {
      if (isStaleWrite(err)) throw refuse("conflict", "stale_revision", "The article got a new revision during the import; import again.");
      if (String(err).includes("UNIQUE constraint failed: claims.article_id, claims.imported_from")) {
        throw refuse("conflict", "already_imported", "Someone imported some of these annotations at the same time; import again to see which.");
      }
      throw err;
    });
    const ids = await db.select({ id: claims.id, key: claims.importedFrom }).from(claims).where(and(eq(claims.articleId, articleId), isNotNull(claims.importedFrom)));
    const byKey = new Map(ids.map((row) => [row.key, row.id]));
    const keyOf = new Map(read.found.map((a) => [a.id + a.format, a.key]));
    for (const item of items) if (item.claimId === undefined && (item.status === "anchored" || item.status === "moved" || item.status === "changed")) item.claimId = byKey.get(keyOf.get(`${item.id}${item.format}`) ?? "");
  }
  const counts = Object.fromEntries(outcomes.map((o) => [o, items.filter((i) => i.status === o).length])) as Record<(typeof outcomes)[number], number>;
  return { articleId, revisionId: revision.id, created: rows.length, counts, items };
}
