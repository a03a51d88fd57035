import { describe, expect, it } from "vitest";
import { condenseDiff, diffStats, type DiffPart } from "../../../web/src/lib/diff-view";

const long = (n: number, fill = "a") => fill.repeat(n);

describe("diff-view", () => {
  describe("condenseDiff", () => {
    it("keeps short unchanged stretches whole", () => {
      const parts: DiffPart[] = [
        { op: "equal", text: "The council said " },
        { op: "delete", text: "240" },
        { op: "insert", text: "200" },
        { op: "equal", text: " new buses." },
      ];
      expect(condenseDiff(parts, 80).map((p) => p.text)).toEqual(["The council said ", "240", "200", " new buses."]);
      expect(condenseDiff(parts, 80).some((p) => p.elided)).toBe(false);
    });

    it("keeps only the end of a long first stretch and the start of a long last one", () => {
      const parts: DiffPart[] = [
        { op: "equal", text: `${long(200, "x")}BEFORE` },
        { op: "insert", text: "new" },
        { op: "equal", text: `AFTER${long(200, "y")}` },
      ];
      const [first, change, last] = condenseDiff(parts, 10);
      expect(first).toEqual({ op: "equal", text: `… ${long(4, "x")}BEFORE`, elided: true });
      expect(change).toEqual({ op: "insert", text: "new", elided: false });
      expect(last).toEqual({ op: "equal", text: `AFTER${long(5, "y")} …`, elided: true });
    });

    it("keeps both ends of a long stretch between two changes", () => {
      const parts: DiffPart[] = [
        { op: "delete", text: "old" },
        { op: "equal", text: `HEAD${long(100)}TAIL` },
        { op: "insert", text: "new" },
      ];
      expect(condenseDiff(parts, 4)[1]).toEqual({ op: "equal", text: "HEAD … TAIL", elided: true });
    });

    it("never cuts an astral character in half", () => {
      const parts: DiffPart[] = [{ op: "insert", text: "+" }, { op: "equal", text: "🇰🇿".repeat(40) }];
      const text = condenseDiff(parts, 3)[1].text;
      expect(text.startsWith("🇰🇿🇰")).toBe(true); // three code points: one flag and half of the next, each whole
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    });

    it("does not cut insertions or deletions, however long", () => {
      const parts: DiffPart[] = [{ op: "insert", text: long(500) }];
      expect(condenseDiff(parts, 5)[0].text).toHaveLength(500);
    });
  });

  describe("diffStats", () => {
    it("counts inserted and deleted parts, ignoring changes of white space alone", () => {
      const parts: DiffPart[] = [
        { op: "equal", text: "a " },
        { op: "insert", text: "b" },
        { op: "delete", text: "c" },
        { op: "insert", text: " " },
      ];
      expect(diffStats(parts)).toEqual({ inserted: 1, deleted: 1 });
    });
  });
});
