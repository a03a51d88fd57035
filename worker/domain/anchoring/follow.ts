import { normalizeQuote } from "./normalize";
import { describePrepared, prepareText } from "./prepared-text";
import type { PreparedText } from "./prepared-text";
import { reanchor } from "./reanchor";
import type { ReanchorResult } from "./reanchor";
import { diffRevisions, mapSpan, wordCharacters } from "./revision-diff";
import type { RevisionDiff } from "./revision-diff";
import { contextLength as defaultContextLength } from "./selector";
import type { TextSelector } from "./selector";
import { contextSimilarity } from "./similarity";

/**
 * Following claims from one stored revision to the next. The diff between the two revisions is the
 * first witness: a span it carries over unchanged is placed, a span whose words it changed becomes a
 * `changed` suggestion over the mapped span. Only a span the diff lost (its passage deleted, moved or
 * rewritten) goes to the quote matcher, which then hears the quotes the claim has had and where the
 * diff left the neighbourhood.
 */

/** How a step was decided: the diff, the quote found verbatim, an approximate match, or nothing found. */
export type AnchorMethod = "diff" | "quote" | "fuzzy" | "none";

/** One claim as the previous revision left it. Offsets are code points. */
export interface TrackedClaim {
  /** The last confirmed selector: the words a person agreed to. Its offsets may be in an older revision. */
  confirmed: TextSelector;
  /** The selector the claim was created with, when it differs from `confirmed`. */
  original?: TextSelector | null;
  /** The claim's span in the previous revision: its place, or its unconfirmed suggestion; null when orphaned. */
  current: { start: number; end: number } | null;
}

/** The outcome of one step, with how it was decided. */
export interface FollowResult extends ReanchorResult {
  method: AnchorMethod;
}

/**
 * Of a span's letters and digits, at least this share must come through the diff unchanged for the mapping
 * to hold; below it the passage counts as rewritten and the matcher decides.
 */
const MIN_KEPT = 0.5;
/** The diff's mapping holds only if this much of the span's context on one side is the same... */
const MIN_CONTEXT_SIDE = 0.5;
/** ...or if the diff kept this many characters on one side of it untouched. */
const KEPT_CONTEXT = 12;

/** A claim's state as stored: the selector it has, its status and the suggestion of an unconfirmed change. */
export interface StoredAnchor extends TextSelector {
  anchorStatus: "anchored" | "moved" | "changed" | "orphaned";
  anchorSuggestion: TextSelector | null;
  anchorOriginal?: TextSelector | null;
}

/** What the previous revision says about a stored claim: placed claims are where they are, suggestions are carried. */
export function trackedFrom(row: StoredAnchor): TrackedClaim {
  const confirmed = { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.start, end: row.end };
  const current =
    row.anchorStatus === "anchored" || row.anchorStatus === "moved" ? confirmed : row.anchorStatus === "changed" && row.anchorSuggestion ? row.anchorSuggestion : null;
  return { confirmed, original: row.anchorOriginal ?? null, current: current && { start: current.start, end: current.end } };
}

/** Both revisions prepared once, and the diff between them. */
export interface RevisionStep {
  readonly before: PreparedText;
  readonly after: PreparedText;
  readonly diff: RevisionDiff;
}

/** Prepare one step from `oldText` to `newText` for following many claims through it. */
export function prepareStep(oldText: string | PreparedText, newText: string | PreparedText): RevisionStep {
  const before = typeof oldText === "string" ? prepareText(oldText) : oldText;
  const after = typeof newText === "string" ? prepareText(newText) : newText;
  return { before, after, diff: diffRevisions(before.text, after.text) };
}

const orphaned = (reason: ReanchorResult["reason"]): FollowResult => ({ status: "orphaned", confidence: 0, selector: null, reason, method: "none" });

/** Follow one claim through one step. */
export function follow(claim: TrackedClaim, step: RevisionStep, context = defaultContextLength): FollowResult {
  const { before, after } = step;
  let folded: string | undefined;
  const confirmedQuote = () => (folded ??= normalizeQuote(claim.confirmed.exact));
  const sameAsConfirmed = (sel: TextSelector) => sel.exact === claim.confirmed.exact || normalizeQuote(sel.exact) === confirmedQuote();
  const placedStatus = (sel: TextSelector) => (claim.current && sel.start === claim.current.start && sel.end === claim.current.end ? "anchored" : "moved");

  let hint: number | null = null;
  if (claim.current && claim.current.end > claim.current.start) {
    const s = before.codePoints.toUtf16(claim.current.start);
    const e = before.codePoints.toUtf16(claim.current.end);
    const mapped = mapSpan(step.diff, s, e, context);
    if (mapped) {
      const start = after.codePoints.toCodePoint(mapped.start);
      const end = after.codePoints.toCodePoint(mapped.end, true);
      hint = start;
      // The passage around the span: the same if the diff kept its context on one side. Context the diff
      // kept whole needs no comparing (the usual case, and the one that must stay cheap).
      const side = (keptChars: number, whole: number, compare: () => number) => (keptChars >= whole ? 1 : compare());
      const prefix = side(mapped.keptBefore, Math.min(context, s), () =>
        contextSimilarity(before.text.slice(Math.max(0, s - context), s), after.text.slice(Math.max(0, mapped.start - context - 8), mapped.start), "before"),
      );
      const suffix = side(mapped.keptAfter, Math.min(context, before.text.length - e), () =>
        contextSimilarity(before.text.slice(e, e + context), after.text.slice(mapped.end, mapped.end + context + 8), "after"),
      );
      const held = Math.max(prefix, suffix) >= MIN_CONTEXT_SIDE || Math.max(mapped.keptBefore, mapped.keptAfter) >= KEPT_CONTEXT;
      const words = mapped.clean ? 0 : wordCharacters(before.text.slice(s, e));
      const kept = mapped.clean ? 1 : words === 0 ? mapped.kept / (e - s) : mapped.keptWords / words;
      if (held && end > start && kept >= MIN_KEPT) {
        const sel = describePrepared(after, start, end, context);
        if (sameAsConfirmed(sel)) {
          const status = placedStatus(sel);
          const certain = status === "anchored" && mapped.clean && prefix === 1 && suffix === 1;
          return { status, confidence: certain ? 1 : Math.min(0.99, (kept * (1 + Math.max(prefix, suffix))) / 2), selector: sel, method: "diff" };
        }
        // The confirmed words verbatim over the mapped span: the diff only drew an edge elsewhere (a word of
        // a deleted sentence beside the claim aligned with the claim's own). They are the claim.
        const verbatim = verbatimOverlap(after.text, claim.confirmed.exact, mapped.start, mapped.end);
        if (verbatim !== null) {
          const v = describePrepared(after, after.codePoints.toCodePoint(verbatim), after.codePoints.toCodePoint(verbatim + claim.confirmed.exact.length, true), context);
          return { status: placedStatus(v), confidence: Math.min(0.99, (kept * (1 + Math.max(prefix, suffix))) / 2), selector: v, method: "diff" };
        }
        // The words changed (now, or in an earlier revision nobody confirmed yet): a suggestion over the mapped span.
        return { status: "changed", confidence: quoteSimilarity(confirmedQuote(), sel.exact), selector: sel, method: "diff" };
      }
    }
  }
  return matchQuotes(claim, step, hint, context);
}

/** Where `quote` occurs verbatim overlapping [start, end) of `text`, if exactly once; else null. */
function verbatimOverlap(text: string, quote: string, start: number, end: number): number | null {
  // Only the stretch where an overlapping occurrence can lie: indexOf over the whole text would cost every changed claim a scan.
  const from = Math.max(0, start - quote.length + 1);
  const window = text.slice(from, end + quote.length - 1);
  const at = window.indexOf(quote);
  if (at === -1 || window.indexOf(quote, at + 1) !== -1) return null;
  return from + at;
}

/** How much of the confirmed quote survives in `exact`, below 1: a changed quote is never certain. */
function quoteSimilarity(confirmedQuote: string, exact: string): number {
  return Math.min(0.99, contextSimilarity(confirmedQuote, normalizeQuote(exact), "after"));
}

/**
 * The diff lost the span: ask the quote matcher, with the quotes the claim has had, newest first (its
 * place or suggestion in the previous revision, the confirmed quote, the original one). A tie on the
 * newest quote is final: an older quote must not pick one of the tied places.
 */
function matchQuotes(claim: TrackedClaim, step: RevisionStep, hint: number | null, context: number): FollowResult {
  const queries: TextSelector[] = [];
  if (claim.current && claim.current.end > claim.current.start) queries.push(describePrepared(step.before, claim.current.start, claim.current.end, context));
  queries.push(claim.confirmed);
  if (claim.original) queries.push(claim.original);
  const seen = new Set<string>();
  const confirmedQuote = normalizeQuote(claim.confirmed.exact);
  let weak = false;
  for (const q of queries) {
    const key = normalizeQuote(q.exact);
    if (seen.has(key)) continue;
    seen.add(key);
    const at = hint ?? q.start;
    const result = reanchor({ ...q, start: at, end: at + (q.end - q.start) }, step.after, { contextLength: context });
    if (result.status === "orphaned") {
      if (result.reason === "ambiguous") return orphaned("ambiguous");
      weak ||= result.reason === "weak-match";
      continue;
    }
    const sel = result.selector!;
    const placed = result.status !== "changed" && normalizeQuote(sel.exact) === confirmedQuote;
    if (placed) {
      const status = claim.current && sel.start === claim.current.start && sel.end === claim.current.end ? "anchored" : "moved";
      return { status, confidence: result.confidence, selector: sel, method: "quote" };
    }
    return { status: "changed", confidence: Math.min(0.99, result.confidence), selector: sel, method: result.status === "changed" ? "fuzzy" : "quote" };
  }
  return orphaned(weak ? "weak-match" : "not-found");
}

/** Follow many claims through one step from `oldText` to `newText`, diffing and preparing the texts once. */
export function followAll(claims: readonly TrackedClaim[], oldText: string, newText: string, context = defaultContextLength): FollowResult[] {
  const step = prepareStep(oldText, newText);
  return claims.map((c) => follow(c, step, context));
}

/** The stored anchor after one step: placed claims take the new selector, changed ones keep theirs and carry the suggestion. */
export function applyFollow<T extends StoredAnchor>(row: T, result: FollowResult): T {
  const original = row.anchorOriginal ?? { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.start, end: row.end };
  if (result.status === "anchored" || result.status === "moved") {
    return { ...row, ...result.selector!, anchorStatus: result.status, anchorSuggestion: null, anchorOriginal: original };
  }
  return { ...row, anchorStatus: result.status, anchorSuggestion: result.status === "changed" ? result.selector : null, anchorOriginal: original };
}
