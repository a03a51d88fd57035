import { describe, expect, it } from "vitest";
import { describeRange, selectorMatches } from "../../worker/domain/text-selector";

describe("anchoring selector", () => {
  const text = "😀 The party promised 500 new schools by 2025, its leader said.";

  describe("describeRange", () => {
    it("keeps 32 code points of context on each side and counts offsets in code points", () => {
      const sel = describeRange(text, 2, 9);
      expect(sel).toEqual({ exact: "The par", prefix: "😀 ", suffix: text.slice(10, 42), start: 2, end: 9 });
    });
    it("takes a shorter context on request", () => {
      expect(describeRange(text, 21, 36, 4)).toMatchObject({ exact: "500 new schools", prefix: "sed ", suffix: " by " });
    });
  });

  describe("selectorMatches", () => {
    it("accepts a selector whose quote is the text at its offsets", () => {
      expect(selectorMatches(text, describeRange(text, 21, 36))).toBe(true);
    });
    it("rejects a selector whose offsets point elsewhere", () => {
      expect(selectorMatches(text, { ...describeRange(text, 21, 36), start: 22, end: 37 })).toBe(false);
    });
    it("rejects UTF-16 offsets that skip the astral character", () => {
      const utf16 = text.indexOf("500");
      expect(selectorMatches(text, { ...describeRange(text, 21, 36), start: utf16, end: utf16 + 15 })).toBe(false);
    });
    it("rejects ranges past the end, reversed or negative", () => {
      const sel = describeRange(text, 21, 36);
      expect(selectorMatches(text, { ...sel, start: 60, end: 75 })).toBe(false);
      expect(selectorMatches(text, { ...sel, start: 37, end: 22 })).toBe(false);
      expect(selectorMatches(text, { ...sel, start: -1, end: 14 })).toBe(false);
    });
  });
});
