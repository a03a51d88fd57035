import type { AnchorStatus } from "./reanchor";

/**
 * A claim's place in every revision, and how each step was decided: the checker who made it, the diff
 * between two revisions, the exact quote, a fuzzy match, nothing found, or a person who confirmed or
 * re-attached it.
 */

/** How one step was decided. */
export type HistoryMethod = "created" | "diff" | "quote" | "fuzzy" | "none" | "person";

export interface HistoryStep {
  /** The revision the place points into. */
  revision: number;
  at: string;
  method: HistoryMethod;
  status: AnchorStatus;
  /** 0..1; 1 for a person's decision. */
  confidence: number;
  /** The place (or the suggestion of a `changed` step); null when orphaned. */
  start: number | null;
  end: number | null;
  exact: string | null;
  actorId: number | null;
}

/** What the database holds about a claim's anchoring. */
export interface HistoryInput {
  created: { at: string; authorId: number; revisionId: number; exact: string; start: number; end: number };
  revisions: readonly { id: number; number: number }[];
  /** The pipeline's steps, oldest first. */
  steps: readonly { revisionId: number; at: string; method: string; status: string; confidence: number; start: number | null; end: number | null; exact: string | null }[];
  /** People who placed the claim (confirmed a suggestion or selected new text), oldest first. */
  confirmations: readonly { at: string; actorId: number | null; exact: string; start: number; end: number }[];
}

const methods: readonly string[] = ["diff", "quote", "fuzzy", "none"];

/** The steps in order. A person's decision points into the revision current at the time: the last one before it. */
export function anchorHistory(input: HistoryInput): HistoryStep[] {
  const numberOf = new Map(input.revisions.map((r) => [r.id, r.number]));
  const number = (id: number) => numberOf.get(id) ?? 0;
  const c = input.created;
  const pipeline: HistoryStep[] = input.steps.map((s) => ({
    revision: number(s.revisionId),
    at: s.at,
    method: (methods.includes(s.method) ? s.method : "none") as HistoryMethod,
    status: s.status as AnchorStatus,
    confidence: s.confidence,
    start: s.start,
    end: s.end,
    exact: s.exact,
    actorId: null,
  }));
  const out: HistoryStep[] = [{ revision: number(c.revisionId), at: c.at, method: "created", status: "anchored", confidence: 1, start: c.start, end: c.end, exact: c.exact, actorId: c.authorId }];
  let k = 0;
  for (const person of input.confirmations) {
    while (k < pipeline.length && pipeline[k].at <= person.at) out.push(pipeline[k++]);
    const revision = out[out.length - 1].revision;
    out.push({ revision, at: person.at, method: "person", status: "anchored", confidence: 1, start: person.start, end: person.end, exact: person.exact, actorId: person.actorId });
  }
  out.push(...pipeline.slice(k));
  return out;
}
