import { describe, expect, it } from "vitest";
import { revisionCases } from "./revision-corpus";
import { markedRevisions, unmark } from "./revision-corpus-format";
import { baselineEngine, followEngine, runCorpus } from "./revision-judge";

describe("the multi-revision corpus", () => {
  it("covers long chains, edits inside claims, moves, merges, deletions, a repeated block and Russian", () => {
    expect(revisionCases.every((c) => c.revisions.length >= 6 && c.revisions.length <= 10)).toBe(true);
    expect(revisionCases.some((c) => c.language === "ru")).toBe(true);
    expect(revisionCases.some((c) => c.name.includes("repeated block"))).toBe(true);
    let editedInside = 0;
    let gone = 0;
    for (const c of revisionCases) {
      const revisions = markedRevisions(c).map(unmark);
      for (const letter of revisions[0].spans.keys()) {
        const words = revisions.map((r) => {
          const s = r.spans.get(letter);
          return s && [...r.text].slice(s.start, s.end).join("");
        });
        const edits = words.slice(1).filter((w, i) => w !== undefined && w !== words[i]).length;
        if (edits >= 2) editedInside++;
        if (words.includes(undefined)) gone++;
      }
    }
    expect(editedInside).toBeGreaterThanOrEqual(5);
    expect(gone).toBeGreaterThanOrEqual(1);
  });

  it("places nothing wrong, suggests nothing wrong, and gets at least 95% of the steps right", () => {
    const { all, failures } = runCorpus(revisionCases, followEngine);
    expect(failures.filter((f) => f.includes(": wrong"))).toEqual([]);
    expect(all.wrong).toBe(0);
    expect(all.wrongSuggestion).toBe(0);
    expect(all.steps).toBeGreaterThanOrEqual(150);
    expect(all.right / all.steps).toBeGreaterThanOrEqual(0.95);
  });

  it("does better than matching the original quote against each revision alone", () => {
    const ours = runCorpus(revisionCases, followEngine).all;
    const baseline = runCorpus(revisionCases, baselineEngine).all;
    expect(ours.right).toBeGreaterThan(baseline.right);
    expect(ours.wrong + ours.wrongSuggestion).toBeLessThanOrEqual(baseline.wrong + baseline.wrongSuggestion);
  });
});
