import { describe, expect, it } from "vitest";
import { textOffsets, trimRange } from "../../../web/src/lib/text-offsets";
import { codePointSlice } from "../../../schema/text/code-points";

describe("textOffsets", () => {
  const paragraphs = ["Title line", "Kazakhstan’s 60,000 students", "Last 🇰🇿 one"];
  const map = textOffsets(paragraphs);

  it("joins paragraphs with a blank line, like the server's canonical text", () => {
    expect(map.text).toBe("Title line\n\nKazakhstan’s 60,000 students\n\nLast 🇰🇿 one");
  });

  describe("toCodePoint", () => {
    it("maps the first character of the document to 0", () => {
      expect(map.toCodePoint(1)).toBe(0);
    });

    it("counts each paragraph break as two characters", () => {
      // paragraph 2 opens at 12 (10 chars + 2 tokens), so its text starts at position 13
      expect(map.toCodePoint(13)).toBe(12);
      expect(codePointSlice(map.text, map.toCodePoint(13), map.toCodePoint(13 + 12))).toBe("Kazakhstan’s");
    });

    it("counts an astral character (a flag is two code points, four UTF-16 units) by code points", () => {
      const third = 1 + 10 + 2 + 28 + 2; // start of "Last"
      const afterFlag = third + "Last 🇰🇿".length;
      expect(codePointSlice(map.text, map.toCodePoint(third), map.toCodePoint(afterFlag))).toBe("Last 🇰🇿");
      expect(map.toCodePoint(afterFlag) - map.toCodePoint(third)).toBe(7);
    });

    it("snaps a position between paragraphs to the start of the next one", () => {
      expect(map.toCodePoint(12)).toBe(12);
    });

    it("clamps positions past the end to the text's end", () => {
      expect(map.toCodePoint(10_000)).toBe([...map.text].length);
    });
  });

  describe("toPosition", () => {
    it("is the inverse of toCodePoint inside paragraph text", () => {
      for (const pos of [1, 5, 11, 13, 30, 41, 45, 50]) {
        expect(map.toPosition(map.toCodePoint(pos))).toBe(pos);
      }
    });

    it("snaps an offset inside a paragraph break to the end of the paragraph before it", () => {
      expect(map.toPosition(11)).toBe(11);
    });
  });

  it("handles an empty document", () => {
    const empty = textOffsets([]);
    expect(empty.text).toBe("");
    expect(empty.toCodePoint(0)).toBe(0);
    expect(empty.toPosition(3)).toBe(0);
  });
});

describe("trimRange", () => {
  const text = "One  two three\n\nfour";

  it("drops white space on both ends of a selection", () => {
    expect(trimRange(text, 3, 9)).toEqual({ start: 5, end: 8 });
  });

  it("accepts a backwards selection", () => {
    expect(trimRange(text, 8, 5)).toEqual({ start: 5, end: 8 });
  });

  it("returns null for a selection of white space only", () => {
    expect(trimRange(text, 14, 16)).toBeNull();
  });

  it("counts code points, not UTF-16 units", () => {
    expect(trimRange("🇰🇿 flag ", 0, 8)).toEqual({ start: 0, end: 7 });
  });
});
