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
});
