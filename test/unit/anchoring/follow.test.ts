import { describe, expect, it } from "vitest";
import { applyFollow, follow, followAll, prepareStep, trackedFrom } from "../../../worker/domain/anchoring/follow";
import type { StoredAnchor } from "../../../worker/domain/anchoring/follow";
import { reanchor } from "../../../worker/domain/anchoring/reanchor";
import { describeRange } from "../../../worker/domain/anchoring/selector";
import { rangeOf, selectorFor } from "./support";

/** A claim as stored right after it was made on `phrase` in `text`. */
const stored = (text: string, phrase: string, occurrence = 0): StoredAnchor => ({
  ...selectorFor(text, phrase, occurrence),
  anchorStatus: "anchored",
  anchorSuggestion: null,
  anchorOriginal: null,
});
const expected = (text: string, phrase: string, occurrence = 0) => {
  const { start, end } = rangeOf(text, phrase, occurrence);
  return describeRange(text, start, end);
};

const v1 = [
  "Grain exports hit a record",
  "The ministry said that 60,000 farmers received subsidised loans in the spring.",
  "Analysts were more cautious about the figures.",
].join("\n\n");

describe("follow", () => {
  it("places a claim the diff carries over unchanged, as moved, with the diff as its witness", () => {
    const v2 = v1.replace("Analysts", "Correction: the loans were announced in March.\n\nAnalysts").replace("Grain", "New paragraph.\n\nGrain");
    const r = follow(trackedFrom(stored(v1, "60,000 farmers received subsidised loans")), prepareStep(v1, v2));
    expect(r).toMatchObject({ status: "moved", method: "diff", selector: expected(v2, "60,000 farmers received subsidised loans") });
    expect(r.confidence).toBeGreaterThan(0.9);
  });

  it("keeps a claim anchored with confidence 1 when nothing around it changed", () => {
    const v2 = v1.replace("more cautious", "less cautious");
    const r = follow(trackedFrom(stored(v1, "60,000 farmers received")), prepareStep(v1, v2));
    expect(r).toEqual({ status: "anchored", confidence: 1, method: "diff", selector: expected(v2, "60,000 farmers received") });
  });

  it("suggests the mapped span as changed when words inside the claim were edited, with a confidence below 1", () => {
    const v2 = v1.replace("60,000 farmers received subsidised", "60 000 farmers received cheap subsidised");
    const r = follow(trackedFrom(stored(v1, "60,000 farmers received subsidised loans")), prepareStep(v1, v2));
    expect(r.status).toBe("changed");
    expect(r.method).toBe("diff");
    expect(r.selector).toEqual(expected(v2, "60 000 farmers received cheap subsidised loans"));
    expect(r.confidence).toBeGreaterThan(0.7);
    expect(r.confidence).toBeLessThan(1);
  });

  it("carries an unconfirmed suggestion into the next revision instead of guessing again from the old quote", () => {
    const v2 = v1.replace("60,000 farmers", "60 000 farmers");
    const v3 = v2.replace("The ministry said", "Introduction.\n\nThe ministry said");
    let row = stored(v1, "60,000 farmers received");
    row = applyFollow(row, follow(trackedFrom(row), prepareStep(v1, v2)));
    expect(row.anchorStatus).toBe("changed");
    expect(row.exact).toBe("60,000 farmers received"); // the confirmed words stay until a person confirms
    const r = follow(trackedFrom(row), prepareStep(v2, v3));
    expect(r).toMatchObject({ status: "changed", method: "diff", selector: expected(v3, "60 000 farmers received") });
  });

  it("places a changed claim again when a later revision restores the confirmed words", () => {
    const v2 = v1.replace("subsidised loans", "state-subsidised loans");
    const v3 = v2.replace("state-subsidised loans", "subsidised loans");
    let row = stored(v1, "farmers received subsidised loans");
    row = applyFollow(row, follow(trackedFrom(row), prepareStep(v1, v2)));
    const r = follow(trackedFrom(row), prepareStep(v2, v3));
    expect(r.method).toBe("diff");
    expect(r.status).toBe("moved"); // moved from the suggestion's span, which was longer
    expect(r.selector).toEqual(expected(v3, "farmers received subsidised loans"));
  });

  describe("a paragraph moved past several others (the diff keeps the others and loses it)", () => {
    const claimParagraph = "According to the ministry, 60,000 farmers received subsidised loans for seed and fuel in the spring sowing campaign.";
    const others = ["Title", "First paragraph about exports.", "Second paragraph about prices.", "Third paragraph about rail.", "Fourth paragraph about storage."];
    const v1m = [others[0], claimParagraph, ...others.slice(1)].join("\n\n");

    it("falls back to the quote matcher, which finds the quote verbatim", () => {
      const v2 = [...others, claimParagraph].join("\n\n");
      const r = follow(trackedFrom(stored(v1m, "60,000 farmers received subsidised loans")), prepareStep(v1m, v2));
      expect(r).toMatchObject({ status: "moved", method: "quote", selector: expected(v2, "60,000 farmers received subsidised loans") });
    });

    it("suggests by fuzzy match when the moved paragraph's claim was edited too", () => {
      const v2 = [...others, claimParagraph.replace("subsidised", "subsidized")].join("\n\n");
      const r = follow(trackedFrom(stored(v1m, "60,000 farmers received subsidised loans")), prepareStep(v1m, v2));
      expect(r).toMatchObject({ status: "changed", method: "fuzzy", selector: expected(v2, "60,000 farmers received subsidized loans") });
    });
  });

  it("places the claim's intact words when a deleted sentence before it holds the claim's first word", () => {
    // Word for word, the diff keeps the deleted sentence's "Altyn" and deletes the claim's own.
    const before = "Intro.\n\nDelegates met the workers of Altyn LLP in the northern region. Altyn is the largest gold producer in the country, the firm says.";
    const after = "Intro.\n\nAltyn is the largest gold producer in the country, the firm says.";
    const r = follow(trackedFrom(stored(before, "Altyn is the largest gold producer in the country")), prepareStep(before, after));
    expect(r).toMatchObject({ status: "moved", method: "diff", selector: expected(after, "Altyn is the largest gold producer in the country") });
  });

  it("orphans a claim whose paragraph was deleted", () => {
    const v2 = v1.split("\n\n").filter((p) => !p.includes("60,000")).join("\n\n");
    const r = follow(trackedFrom(stored(v1, "60,000 farmers received")), prepareStep(v1, v2));
    expect(r).toMatchObject({ status: "orphaned", method: "none", selector: null });
  });

  describe("a repeated block", () => {
    const block = 'The governor said: "We opened 40 new clinics in rural districts. Waiting times fell by half."';
    const v1r = ["Transcript", block, "Fact-check of the passage:", block, "The report lists 28 clinics."].join("\n\n");
    const intro = Array.from({ length: 6 }, (_, i) => `Background paragraph ${i} about the governor's visit to the districts.`).join("\n\n");
    const v2r = v1r.replace("Transcript", `Transcript\n\n${intro}`);

    it("keeps the claim on the second copy when a long introduction arrives above both: the diff breaks the tie", () => {
      const claim = stored(v1r, "40 new clinics in rural districts", 1);
      const r = follow(trackedFrom(claim), prepareStep(v1r, v2r));
      expect(r).toMatchObject({ status: "moved", method: "diff", selector: expected(v2r, "40 new clinics in rural districts", 1) });
      // The quote alone cannot tell the copies apart:
      expect(reanchor(claim, v2r)).toMatchObject({ status: "orphaned", reason: "ambiguous" });
    });

    it("still declines a tie the diff cannot break (the claim's copy deleted, the other two alike)", () => {
      const v0 = ["Intro", block, "Middle", block, "Between", block, "End"].join("\n\n");
      const v1b = ["Intro", block, "Middle", "Between", block, "End"].join("\n\n");
      const claim = stored(v0, "40 new clinics in rural districts", 1);
      const r = follow(trackedFrom(claim), prepareStep(v0, v1b));
      // The middle copy's paragraph went; the diff aligns nothing with it and the matcher sees two equal places.
      expect(r.status).toBe("orphaned");
      expect(r.reason).toBe("ambiguous");
    });
  });

  it("follows every claim of a revision through one diff", () => {
    const v2 = `Update.\n\n${v1}`;
    const results = followAll([trackedFrom(stored(v1, "Grain exports")), trackedFrom(stored(v1, "more cautious"))], v1, v2);
    expect(results.map((r) => [r.status, r.method])).toEqual([
      ["moved", "diff"],
      ["moved", "diff"],
    ]);
  });
});
