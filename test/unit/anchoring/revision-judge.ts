import { applyFollow, follow, prepareStep, trackedFrom } from "../../../worker/domain/anchoring/follow";
import type { StoredAnchor } from "../../../worker/domain/anchoring/follow";
import { foldText } from "../../../schema/text/fold";
import { reanchor } from "../../../worker/domain/anchoring/reanchor";
import { describeRange } from "../../../worker/domain/text-selector";
import type { TextSelector } from "../../../worker/domain/text-selector";
import { markedRevisions, unmark } from "./revision-corpus-format";
import type { RevisionCase } from "./revision-corpus-format";

/**
 * Running the multi-revision corpus through an engine and judging every claim in every revision
 * against the span a person would pick (the corpus's marks).
 *
 *   right        placed exactly on the marked span when its words are those last confirmed; `changed`
 *                with exactly the marked span as suggestion when they are not; orphaned when the words are gone.
 *   person       left for a person: orphaned although the words are there, or `changed` with a suggestion
 *                that overlaps the marked span without being it.
 *   wrong        placed anywhere but the marked span, placed although the words changed, or placed although gone.
 *   wrongSuggestion  `changed` with a suggestion that does not overlap the marked span, or any suggestion when the words are gone.
 */

/** What an engine reports for one claim in one revision. */
export interface Answer {
  status: "anchored" | "moved" | "changed" | "orphaned";
  selector: { start: number; end: number } | null;
}

/** An engine follows one claim through the texts in order, answering once per revision after the first. */
export type Engine = (texts: readonly string[], first: TextSelector) => Answer[];

export interface Tally {
  right: number;
  person: number;
  wrong: number;
  wrongSuggestion: number;
  steps: number;
}

/** This change: every step through the diff first, the pipeline's stored state carried between steps. */
export const followEngine: Engine = (texts, first) => {
  let row: StoredAnchor = { ...first, anchorStatus: "anchored", anchorSuggestion: null, anchorOriginal: null };
  const answers: Answer[] = [];
  for (let k = 1; k < texts.length; k++) {
    const result = follow(trackedFrom(row), prepareStep(texts[k - 1], texts[k]));
    row = applyFollow(row, result);
    answers.push(result);
  }
  return answers;
};

/** The pipeline before this change: each revision re-anchors the stored selector by quote; flagged claims keep theirs. */
export const chainedEngine: Engine = (texts, first) => {
  let sel = first;
  return texts.slice(1).map((text) => {
    const result = reanchor(sel, text);
    if (result.status === "anchored" || result.status === "moved") sel = result.selector!;
    return result;
  });
};

/** The baseline: the original quote matched against each revision's text on its own. */
export const baselineEngine: Engine = (texts, first) => texts.slice(1).map((text) => reanchor(first, text));

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Judge one answer; `confirmed` is the quote a person last agreed to (the first, in this corpus). */
export function judge(answer: Answer, truth: { start: number; end: number } | undefined, truthWords: string | undefined, confirmed: string): keyof Omit<Tally, "steps"> {
  const placed = answer.status === "anchored" || answer.status === "moved";
  const sel = answer.selector;
  if (!truth) return placed ? "wrong" : answer.status === "changed" ? "wrongSuggestion" : "right";
  const exactly = sel !== null && sel.start === truth.start && sel.end === truth.end;
  const edited = foldText(truthWords!) !== foldText(confirmed);
  if (placed) return exactly && !edited ? "right" : "wrong";
  if (answer.status === "orphaned") return "person";
  if (!overlaps(sel!, truth)) return "wrongSuggestion";
  return exactly && edited ? "right" : "person";
}

export const emptyTally = (): Tally => ({ right: 0, person: 0, wrong: 0, wrongSuggestion: 0, steps: 0 });

/** Run `engine` over every claim of every case; `last` counts only each claim's final revision. */
export function runCorpus(cases: readonly RevisionCase[], engine: Engine): { all: Tally; last: Tally; failures: string[] } {
  const all = emptyTally();
  const last = emptyTally();
  const failures: string[] = [];
  for (const c of cases) {
    const revisions = markedRevisions(c).map(unmark);
    const texts = revisions.map((r) => r.text);
    for (const [letter, span] of revisions[0].spans) {
      const first = describeRange(texts[0], span.start, span.end);
      const answers = engine(texts, first);
      answers.forEach((answer, i) => {
        const r = revisions[i + 1];
        const truth = r.spans.get(letter);
        const words = truth && [...r.text].slice(truth.start, truth.end).join("");
        const verdict = judge(answer, truth, words, first.exact);
        all[verdict]++;
        all.steps++;
        if (i === answers.length - 1) {
          last[verdict]++;
          last.steps++;
        }
        if (verdict !== "right") {
          const got = answer.selector ? [...r.text].slice(answer.selector.start, answer.selector.end).join("") : "";
          failures.push(`${c.name} / ${letter} / revision ${i + 1}: ${verdict} (${answer.status} "${got}", expected "${words ?? "gone"}")`);
        }
      });
    }
  }
  return { all, last, failures };
}
