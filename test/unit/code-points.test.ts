import { describe, expect, it } from "vitest";
import { codePointIndex, codePointLength, codePointSlice, utf16Index } from "../../schema/text/code-points";

describe("code-points", () => {
  const text = "a😀b€c𝄞d";
  it("counts astral characters as one code point", () => {
    expect(codePointLength(text)).toBe(7);
    expect(text.length).toBe(9);
  });
  it("converts between code point and UTF-16 offsets both ways", () => {
    for (let cp = 0; cp <= 7; cp++) expect(codePointIndex(text, utf16Index(text, cp))).toBe(cp);
    expect(utf16Index(text, 2)).toBe(3);
  });
  it("slices by code points", () => {
    expect(codePointSlice(text, 1, 3)).toBe("😀b");
    expect(codePointSlice(text, 5)).toBe("𝄞d");
  });
  it("answers the same on long texts, astral or not, taken in turns (the long-text shortcut)", () => {
    const plain = "Қазақстан ёлка and more. ".repeat(40);
    const astral = `${plain}😀${plain}`;
    for (const long of [plain, astral, plain, astral]) {
      const slow = [...long];
      expect(codePointLength(long)).toBe(slow.length);
      for (const cp of [0, 17, 600, 1000, slow.length]) {
        expect(codePointSlice(long, cp, cp + 3)).toBe(slow.slice(cp, cp + 3).join(""));
        expect(codePointIndex(long, utf16Index(long, cp))).toBe(cp);
      }
    }
  });
});
