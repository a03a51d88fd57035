import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalizeForMatching } from "../../../worker/domain/anchoring/normalize";
import { foldText } from "../../../schema/text/fold";

describe("normalizeForMatching", () => {
  it("folds quote marks, apostrophes and dashes to one form each", () => {
    expect(foldText("«Nur Otan» “party” „x“ it’s ʼa‘ – — ‑ −")).toBe(`"Nur Otan" "party" "x" it's 'a' - - - -`);
  });
  it("collapses whitespace runs, non-breaking spaces and paragraph breaks to one space", () => {
    expect(foldText("a\u00a0b  c\n\nd\t e")).toBe("a b c d e");
  });
  it("folds ё to е and Ё to Е and keeps case", () => {
    expect(foldText("Ещё ЁЛКА Учёт")).toBe("Еще ЕЛКА Учет");
  });
  it("composes to NFC, so a decomposed letter matches its precomposed form", () => {
    expect(foldText("cafe\u0301 е\u0308")).toBe("café е");
  });
  it("maps every folded character back to the original range it came from", () => {
    const text = "a\n\n«b» cafe\u0301!";
    const n = normalizeForMatching(text);
    expect(n.text).toBe('a "b" café!');
    const original = (s: number, e: number) => text.slice(n.start(s), n.end(e - 1));
    expect(original(1, 2)).toBe("\n\n");
    expect(original(2, 5)).toBe("«b»");
    expect(original(6, 10)).toBe("cafe\u0301");
    expect(n.offset(text.indexOf("b"))).toBe(3);
    expect(n.offset(text.length)).toBe(n.text.length);
  });
  it("drops soft hyphens and zero-width spaces but keeps the map", () => {
    const text = "trans\u00adformer\u200b plant";
    const n = normalizeForMatching(text);
    expect(n.text).toBe("transformer plant");
    expect(text.slice(n.start(0), n.end(10))).toBe("trans\u00adformer");
  });
  it("folds a quote alone exactly as it folds the same characters inside a text", () => {
    const chars = fc.constantFrom("a", "е", "ё", "Ё", " ", "\n", "\u00a0", "\u00ad", "«", "’", "—", "e\u0301", "\u0301", "😀", "-");
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const s = parts.join("");
        expect(foldText(s)).toBe(normalizeForMatching(s).text);
      }),
    );
  });
  it("maps folded ranges back to the original text they came from, in both representations", () => {
    const chars = fc.constantFrom("a", "b", "ё", " ", "  ", "\n\n", "\u00a0", "\u00ad", "«", "’", "—", "😀");
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), fc.boolean(), (parts, decomposed) => {
        const text = parts.join("") + (decomposed ? "e\u0301" : "");
        const n = normalizeForMatching(text);
        for (let j = 0; j < n.text.length; j++) {
          // A unit comes from a range that folds to it (a surrogate half from its whole pair or cluster).
          expect(foldText(text.slice(n.start(j), n.end(j)))).toContain(n.text[j]);
          expect(n.start(n.offset(n.start(j)))).toBe(n.start(j));
        }
        expect(n.start(n.text.length)).toBe(text.length);
      }),
    );
  });
});
