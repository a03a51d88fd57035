import { describe, expect, it } from "vitest";
import { foldKey, foldText, foldWithMap } from "../../schema/text/fold";
import { codePointIndex, codePointLength } from "../../schema/text/code-points";
import { matchQuote } from "../../web/src/public/quote-match";
import { reanchor } from "../../worker/domain/anchoring";
import { duplicateKey } from "../../worker/domain/article-text";
import { describeRange } from "../../worker/domain/text-selector";

/** Two spellings of one passage, and whether a reader would call them the same words. */
const pairs: { a: string; b: string; same: boolean; why: string }[] = [
  { a: "«Нур Отан» — партия власти", b: '"Нур Отан" - партия власти', same: true, why: "guillemets and an em dash against straight quotes and a hyphen" },
  { a: "it’s the “largest” party", b: `it's the "largest" party`, same: true, why: "curly apostrophe and quotes" },
  { a: "ещё 60 тысяч выпускников", b: "еще 60 тысяч выпускников", same: true, why: "ё written as е" },
  { a: "Алёна Иванова сказала", b: "Алена Иванова сказала", same: true, why: "ё in a name" },
  { a: "café prices rose", b: "cafe\u0301 prices rose", same: true, why: "NFC against a decomposed accent" },
  { a: "60\u00a0000 students", b: "60 000 students", same: true, why: "a no-break space" },
  { a: "the trans\u00adformer station", b: "the transformer station", same: true, why: "a soft hyphen" },
  { a: "a zero\u200bwidth break", b: "a zerowidth break", same: true, why: "a zero-width space" },
  { a: "rose by 4\u20135 per cent", b: "rose by 4-5 per cent", same: true, why: "an en dash in a range" },
  { a: "60,000 students go abroad", b: "60,900 students go abroad", same: false, why: "a changed digit" },
  { a: "выборы прошли спокойно", b: "выбары прошли спокойно", same: false, why: "a changed letter" },
  { a: "the largest party won", b: "the smallest party won", same: false, why: "a changed word" },
  { a: "поэт и гражданин", b: "поет и гражданин", same: false, why: "э and е are different letters" },
];

const before = "In Astana on Monday the minister told reporters that ";
const after = ", and the opposition disputed the figure the next day.";
const articleWith = (passage: string) => `${before}${passage}${after}`;

/** The selector a fact-checker would have made on `passage` inside its article. */
function claimOn(passage: string) {
  const text = articleWith(passage);
  const start = codePointIndex(text, before.length);
  return describeRange(text, start, start + codePointLength(passage));
}

describe("text folding: the duplicate check, the anchoring and the public widget agree", () => {
  for (const { a, b, same, why } of pairs) {
    describe(`${why}: ${same ? "the same text" : "a different text"}`, () => {
      it("for the duplicate check", () => {
        expect(duplicateKey([articleWith(a)]) === duplicateKey([articleWith(b)])).toBe(same);
      });
      it("for the anchoring, which keeps the claim in place only when the words are the same", () => {
        const { status } = reanchor(claimOn(a), articleWith(b));
        expect(status === "anchored" || status === "moved").toBe(same);
      });
      it("for the widget, which finds the quote on the publisher's page only when the words are the same", () => {
        expect(matchQuote(articleWith(b), claimOn(a)) !== null).toBe(same);
      });
    });
  }

  it("differs on purpose in two ways: the duplicate key ignores case, the widget ignores where spaces fall", () => {
    expect(duplicateKey(["Nur Otan"])).toBe(duplicateKey(["NUR OTAN"]));
    expect(foldText("Nur Otan")).not.toBe(foldText("NUR OTAN"));
    expect(foldWithMap("Nur Otan", "drop").text).toBe(foldWithMap("NurOtan", "drop").text);
    expect(foldWithMap("Nur Otan").text).not.toBe(foldWithMap("NurOtan").text);
  });

  it("keys a claimant's name trimmed, lower-cased and folded, so spellings of one name meet", () => {
    expect(foldKey("  Алёна\u00a0 Иванова ")).toBe("алена иванова");
    expect(foldKey("“Nur Otan”")).toBe(foldKey('"NUR  OTAN"'));
  });

  it("maps every folded unit back to the characters it came from", () => {
    const text = "«ёж»\u00ad  cafe\u0301";
    const map = foldWithMap(text);
    expect(map.text).toBe('"еж" café');
    expect(text.slice(map.starts[4], map.ends[4])).toBe("  ");
    expect(text.slice(map.starts[8], map.ends[8])).toBe("e\u0301");
  });
});
