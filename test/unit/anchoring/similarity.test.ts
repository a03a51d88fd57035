import { describe, expect, it } from "vitest";
import { contextSimilarity } from "../../../worker/domain/anchoring/similarity";

describe("contextSimilarity", () => {
  const prefix = "the party's chair said that the ";

  it("ranks prefixes lower the further they drift from the stored one", () => {
    const ordered = [
      "the party's chair said that the ",
      "the party's chair said that tha ",
      "the party's chair said that XX the ".slice(-32),
      "the party chair has said that a ",
      "completely different words here ",
    ];
    const scores = ordered.map((actual) => contextSimilarity(prefix, actual, "before"));
    expect(scores[0]).toBe(1);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]);
    expect(scores[4]).toBeLessThan(0.5);
  });
  it("reads a prefix from the quote backwards, so text beyond its far end costs nothing", () => {
    expect(contextSimilarity(prefix, `lots of other text ${prefix}`, "before")).toBe(1);
  });
  it("reads a suffix from the quote forwards", () => {
    expect(contextSimilarity(" by 2025, its leader", " by 2025, its leader said.", "after")).toBe(1);
    expect(contextSimilarity(" by 2025, its leader", "said. by 2025, its leader", "after")).toBeLessThan(0.8);
  });
  it("treats an empty stored context as neutral unless the quote is still at the text's edge", () => {
    expect(contextSimilarity("", "", "before")).toBe(1);
    expect(contextSimilarity("", "something", "before")).toBe(0.5);
  });
});
