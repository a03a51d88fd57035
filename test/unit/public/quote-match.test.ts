import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contextScore, foldPageText, matchQuote, type QuoteSelector } from "../../../web/src/public/quote-match";
import { codePointIndex, codePointLength } from "../../../schema/text/code-points";
import { describeRange } from "../../../worker/domain/text-selector";

/** The selector the server publishes for the first occurrence of `quote` in our canonical text. */
function selectorFor(canonical: string, quote: string, occurrence = 0): QuoteSelector {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = canonical.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`fixture: no occurrence ${occurrence} of ${quote}`);
  const start = codePointIndex(canonical, at);
  return describeRange(canonical, start, start + codePointLength(quote));
}

/** What `matchQuote` found, as the page text it covers. */
function found(page: string, selector: QuoteSelector): string | null {
  const span = matchQuote(page, selector);
  return span ? page.slice(span.start, span.end) : null;
}

describe("foldPageText", () => {
  it("drops whitespace and invisible characters and remembers where each kept character was", () => {
    const { text, starts } = foldPageText("a b\u00a0\n c\u00ad\u200bd");
    expect(text).toBe("abcd");
    expect(starts).toEqual([0, 2, 6, 9]);
  });

  it("unifies curly quotes, guillemets and dashes with their plain forms", () => {
    expect(foldPageText("“It’s «so» – yes—no”").text).toBe(`"It's"so"-yes-no"`);
  });
});

describe("contextScore", () => {
  const folded = foldPageText("the minister said that 60,000 students go abroad every year, officials said").text;
  const quote = foldPageText("60,000 students go abroad").text;
  const at = folded.indexOf(quote);
  const score = (prefix: string, suffix: string) => contextScore(folded, at, at + quote.length, foldPageText(prefix).text, foldPageText(suffix).text);

  it("scores full context above one side, one side above a partial side, and that above none", () => {
    const ordered = [
      score("minister said that ", " every year, officials"),
      score("minister said that ", " every month, nobody"),
      score("mayor said that ", " every month, nobody"),
      score("was reported: ", " in total"),
    ];
    for (let i = 1; i < ordered.length; i++) expect(ordered[i]).toBeLessThan(ordered[i - 1]);
    expect(ordered[0]).toBe(40);
    expect(ordered[3]).toBe(0);
  });

  it("reads the prefix backwards from the quote, so a change far from it costs less than one next to it", () => {
    expect(score("XXXister said that ", "")).toBeGreaterThan(score("minister said thaX ", ""));
  });
});

describe("matchQuote", () => {
  const canonical = [
    "The city council announced on Monday that 240 new electric buses will be on the streets by April, replacing diesel buses on 18 routes.",
    "\u201cEvery district will see a new bus within three months,\u201d the deputy mayor told reporters, adding that fares would stay at 150 tenge.",
  ].join("\n\n");

  it("finds a quote whose page text has other line breaks, no space between paragraphs and non-breaking spaces", () => {
    const page = canonical.replace("\n\n", "").replace("be on the", "be\n      on\u00a0the");
    expect(found(page, selectorFor(canonical, "240 new electric buses will be on the streets by April"))).toBe(
      "240 new electric buses will be\n      on\u00a0the streets by April",
    );
  });

  it("finds a quote that crosses a paragraph boundary where the page has none", () => {
    const quote = "18 routes.\n\n\u201cEvery district";
    expect(found(canonical.replace("\n\n", ""), selectorFor(canonical, quote))).toBe("18 routes.\u201cEvery district");
  });

  it("finds a quote typed with straight quotes on a page that has curly ones", () => {
    const selector = { exact: '"Every district will see a new bus within three months,"' };
    expect(found(canonical, selector)).toBe("\u201cEvery district will see a new bus within three months,\u201d");
  });

  it("returns offsets of the page text, so characters before the quote that fold away do not shift it", () => {
    const page = `Menu\n\n  Home   News \u00ad\u200b\n${canonical}`;
    const span = matchQuote(page, selectorFor(canonical, "fares would stay at 150 tenge"));
    expect(span).toEqual({ start: page.indexOf("fares"), end: page.indexOf("fares") + "fares would stay at 150 tenge".length });
  });

  it("keeps characters outside the Basic Multilingual Plane whole", () => {
    const page = "Опрос 📊 показал 𝔞𝔤𝔞𝔦𝔫 и снова";
    expect(found(page, { exact: "📊 показал 𝔞𝔤𝔞𝔦𝔫" })).toBe("📊 показал 𝔞𝔤𝔞𝔦𝔫");
  });

  it("picks, among repeated quotes, the one whose prefix and suffix match (a pull quote before the article)", () => {
    const quote = "240 new electric buses will be on the streets by April";
    const page = `${quote}\n\nSidebar: more news\n\n${canonical}`;
    const span = matchQuote(page, selectorFor(canonical, quote));
    expect(span?.start).toBe(page.lastIndexOf(quote));
  });

  it("picks the repeated quote with the better context even when both contexts changed a little", () => {
    const text = "Officials said 60,000 students go abroad every year. Critics said 60,000 students go abroad every month.";
    const selector = { exact: "60,000 students go abroad", prefix: "Critics claim ", suffix: " every month!" };
    expect(matchQuote(text, selector)?.start).toBe(text.lastIndexOf("60,000"));
  });

  it("returns null when repeated quotes cannot be told apart by their context", () => {
    const text = "He said: 60,000 students. She said: 60,000 students.";
    expect(matchQuote(text, { exact: "60,000 students" })).toBeNull();
    expect(matchQuote(text, { exact: "60,000 students", prefix: "They wrote: ", suffix: " Then" })).toBeNull();
  });

  it("returns null when the quote is not on the page, even if most of it is (no fuzzy placement)", () => {
    expect(matchQuote(canonical, { exact: "240 new electric buses will be on the streets by May" })).toBeNull();
    expect(matchQuote(canonical, { exact: "  \n " })).toBeNull();
    expect(matchQuote("", { exact: "buses" })).toBeNull();
  });

  it("anchors every demo fact-check in its demo article rendered as a publisher might (paragraphs run together)", () => {
    const demos: [string, string][] = [
      ["demo/en-city-buses.md", "240 new electric buses will be on the streets by April"],
      ["demo/ru-school-meals.txt", "бесплатное горячее питание получат более 2 миллионов школьников"],
      ["demo/kk-roads.txt", "биыл 500 шақырым жергілікті жол күрделі жөндеуден өтеді"],
    ];
    for (const [file, quote] of demos) {
      const canonical = readFileSync(file, "utf8");
      const page = canonical.split(/\n\s*\n/).join("");
      expect(found(page, selectorFor(canonical, quote))?.replace(/\s+/g, " ")).toBe(quote);
    }
  });
});
