import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { suggestionDismissInput } from "../../schema/inputs";
import { articleRevisions, claims, suggestionDismissals } from "../../schema/tables";
import { decideSuggestionDismissal, type Actor } from "../../schema/workflow";
import type { Db } from "../db";
import { suggestCheckworthy } from "../domain/checkworthy";
import { codePointIndex } from "../../schema/text/code-points";
import { apiError } from "../http/errors";
import { auditInsert } from "./audit";
import { refusedBy } from "./refusal";
import { getArticleWithRevision } from "./revisions";

/** One suggested sentence: code-point positions in the revision's text (as selectors count), its text and score. */
export interface Suggestion {
  start: number;
  end: number;
  quote: string;
  score: number;
}

/** A sentence below this score is not worth a checker's glance, however short the article. */
export const minSuggestionScore = 0.5;

// Revisions never change, so their scored sentences are kept per isolate; the oldest go first.
const cache = new Map<number, Suggestion[]>();
const cacheSize = 64;

/** Every sentence of a revision worth suggesting, best first; computed once per isolate and revision. */
export function revisionSuggestions(revision: { id: number; text: string }, language: string): Suggestion[] {
  const hit = cache.get(revision.id);
  if (hit) return hit;
  const { text } = revision;
  const astral = /[\ud800-\udfff]/.test(text);
  const cp = (i: number) => (astral ? codePointIndex(text, i) : i);
  const scored = suggestCheckworthy(text, language.slice(0, 2).toLowerCase(), { minScore: minSuggestionScore }).map((s) => ({
    start: cp(s.start),
    end: cp(s.end),
    quote: s.text,
    score: s.score,
  }));
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
  cache.set(revision.id, scored);
  return scored;
}

/**
 * The best suggestions of an article's current revision: neither dismissed for that revision nor
 * already covered by a claim placed on it.
 */
export async function listSuggestions(db: Db, articleId: number, limit: number) {
  const { article, revision } = await getArticleWithRevision(db, articleId);
  const [dismissed, placed] = await db.batch([
    db.select({ start: suggestionDismissals.start, end: suggestionDismissals.end }).from(suggestionDismissals).where(eq(suggestionDismissals.revisionId, revision.id)),
    db
      .select({ start: claims.start, end: claims.end })
      .from(claims)
      .where(and(eq(claims.revisionId, revision.id), inArray(claims.anchorStatus, ["anchored", "moved"]))),
  ]);
  const isDismissed = (s: Suggestion) => dismissed.some((d) => d.start === s.start && d.end === s.end);
  const isClaimed = (s: Suggestion) => placed.some((c) => c.start < s.end && s.start < c.end);
  const items = revisionSuggestions(revision, article.language)
    .filter((s) => !isDismissed(s) && !isClaimed(s))
    .slice(0, limit);
  return { revision: { id: revision.id, number: revision.number }, items };
}

/** Remember that `actor` dismissed a suggestion of the article's current revision; dismissing it again changes nothing. */
export async function dismissSuggestion(db: Db, articleId: number, input: z.output<typeof suggestionDismissInput>, actor: Actor) {
  const { article, revision } = await getArticleWithRevision(db, articleId);
  const target = input.revisionId === revision.id ? revision : await db.select().from(articleRevisions).where(and(eq(articleRevisions.id, input.revisionId), eq(articleRevisions.articleId, articleId))).get();
  if (!target) throw apiError(404, "not_found", `Article ${articleId} has no revision ${input.revisionId}.`);
  const decision = decideSuggestionDismissal(actor, { isCurrent: target.id === revision.id });
  if (!decision.ok) throw refusedBy(decision, "stale_revision");
  const suggestion = revisionSuggestions(revision, article.language).find((s) => s.start === input.start && s.end === input.end);
  if (!suggestion) throw apiError(404, "not_found", "No suggestion covers exactly that range of the current revision.");
  const range = and(eq(suggestionDismissals.revisionId, revision.id), eq(suggestionDismissals.start, suggestion.start), eq(suggestionDismissals.end, suggestion.end));
  if (await db.select({ id: suggestionDismissals.id }).from(suggestionDismissals).where(range).get()) return { dismissed: suggestion, created: false };
  const inserted = await db.batch([
    db.insert(suggestionDismissals).values({ revisionId: revision.id, start: suggestion.start, end: suggestion.end, dismissedBy: actor.id }).onConflictDoNothing().returning({ id: suggestionDismissals.id }),
    auditInsert(db, { actorId: actor.id, action: "suggestion.dismiss", entityType: "article_revision", entityId: revision.id, after: { start: suggestion.start, end: suggestion.end, quote: suggestion.quote } }),
  ]);
  return { dismissed: suggestion, created: inserted[0].length > 0 };
}
