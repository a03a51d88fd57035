import { describe, expect, it } from "vitest";
import { confidencePercent, contextParts, needsAttention, outcomeCounts, placedInCurrent, selectorPair } from "../../../web/src/lib/claim-placement";

describe("claim-placement", () => {
  describe("placedInCurrent", () => {
    it("draws anchored and moved claims, whose offsets point into the current text", () => {
      expect(placedInCurrent({ anchorStatus: "anchored" })).toBe(true);
      expect(placedInCurrent({ anchorStatus: "moved" })).toBe(true);
    });

    it("never draws changed or orphaned claims, whose offsets still point into their old revision", () => {
      expect(placedInCurrent({ anchorStatus: "changed" })).toBe(false);
      expect(placedInCurrent({ anchorStatus: "orphaned" })).toBe(false);
    });
  });

  describe("needsAttention", () => {
    it("flags every claim not anchored in place, and anchored ones flagged for re-review", () => {
      expect(["moved", "changed", "orphaned"].map((anchorStatus) => needsAttention({ anchorStatus }))).toEqual([true, true, true]);
      expect(needsAttention({ anchorStatus: "anchored", needsReview: true })).toBe(true);
    });

    it("leaves an anchored claim without a re-review flag alone", () => {
      expect(needsAttention({ anchorStatus: "anchored", needsReview: false })).toBe(false);
      expect(needsAttention({ anchorStatus: "anchored" })).toBe(false);
    });
  });

  describe("selectorPair", () => {
    it("turns a suggestion into the quote and position selectors POST /anchor takes", () => {
      const suggestion = { exact: "200 new electric buses", prefix: "said ", suffix: " will", start: 40, end: 62 };
      expect(selectorPair(suggestion)).toEqual([
        { type: "TextQuoteSelector", exact: "200 new electric buses", prefix: "said ", suffix: " will" },
        { type: "TextPositionSelector", start: 40, end: 62 },
      ]);
    });
  });

  describe("contextParts", () => {
    it("puts the quote between its cut context, marked with an ellipsis", () => {
      expect(contextParts({ prefix: "the council said ", exact: "240 buses", suffix: " will run" })).toEqual({ before: "…the council said ", exact: "240 buses", after: " will run…" });
    });

    it("adds no ellipsis where there is no context (the start or end of the text)", () => {
      expect(contextParts({ prefix: "", exact: "Title", suffix: "" })).toEqual({ before: "", exact: "Title", after: "" });
    });

    it("shows paragraph breaks as ¶ and collapses other white space, so context reads on one line", () => {
      expect(contextParts({ prefix: "end of one.\n\nStart ", exact: "of  the\nclaim", suffix: "" }).before).toBe("…end of one. ¶ Start ");
      expect(contextParts({ prefix: "", exact: "of  the\nclaim", suffix: "" }).exact).toBe("of the claim");
    });
  });

  describe("confidencePercent", () => {
    it("rounds to a whole percentage and clamps to 0–100", () => {
      expect([0.724, 1, 0, 1.2, -0.1].map(confidencePercent)).toEqual([72, 100, 0, 100, 0]);
    });

    it("says nothing when there is no confidence", () => {
      expect([null, undefined, Number.NaN].map(confidencePercent)).toEqual([null, null, null]);
    });
  });

  describe("outcomeCounts", () => {
    it("counts claims per status, worst first, and leaves out statuses nobody has", () => {
      const claims = ["anchored", "changed", "anchored", "orphaned"].map((status) => ({ anchor: { status } }));
      expect(outcomeCounts(claims)).toEqual([
        { status: "orphaned", count: 1 },
        { status: "changed", count: 1 },
        { status: "anchored", count: 2 },
      ]);
    });
  });
});
