import { describe, expect, it } from "vitest";
import { codePointLength } from "../../../schema/text/code-points";
import { reanchor, reanchorAll } from "../../../worker/domain/anchoring/reanchor";
import { describeRange, selectorMatches } from "../../../worker/domain/text-selector";
import { haveSeeds, rangeOf, replaceOnce, seedText, selectorFor } from "./support";

/** The selector describeRange gives for `phrase` in `text`: what a correct re-anchoring returns. */
const expected = (text: string, phrase: string, occurrence = 0) => {
  const { start, end } = rangeOf(text, phrase, occurrence);
  return describeRange(text, start, end);
};

describe("reanchor", () => {
  describe("the quote intact", () => {
    it("keeps a claim anchored with confidence 1 when its text did not change", () => {
      const text = "The party promised 500 new schools by 2025, its leader said.";
      const result = reanchor(selectorFor(text, "500 new schools"), text);
      expect(result).toEqual({ status: "anchored", confidence: 1, selector: expected(text, "500 new schools") });
    });

    it.skipIf(!haveSeeds)("moves a claim by the length of a paragraph inserted before it", () => {
      const old = seedText("002");
      const claim = "60,000 students who graduate from Kazakhstan’s schools go abroad every year";
      const inserted = "Editor’s note: this article was updated on March 5 with the party’s response.\n\n";
      const next = inserted + old;
      const result = reanchor(selectorFor(old, claim), next);
      expect(result.status).toBe("moved");
      expect(result.confidence).toBeGreaterThan(0.9);
      expect(result.confidence).toBeLessThan(1);
      expect(result.selector).toEqual(expected(next, claim));
      expect(result.selector!.start).toBe(rangeOf(old, claim).start + codePointLength(inserted));
    });

    it("counts offsets in code points when emoji come before the claim", () => {
      const old = "🎉🎉 Big news 🇰🇿: the party promised 500 new schools by 2025.";
      const next = `🚀 Update. ${old}`;
      const sel = selectorFor(old, "500 new schools");
      expect(sel.start).toBe(35);
      const result = reanchor(sel, next);
      expect(result.status).toBe("moved");
      expect(result.selector).toEqual(expected(next, "500 new schools"));
      expect(result.selector!.start).toBe(45);
      expect(selectorMatches(next, result.selector!)).toBe(true);
    });
  });

  describe.skipIf(!haveSeeds)("typos fixed in seed 002", () => {
    it("keeps a claim anchored when a typo just before it is fixed (roundtbale → roundtable)", () => {
      const old = seedText("002");
      const next = replaceOnce(old, "roundtbale", "roundtable");
      const result = reanchor(selectorFor(old, "on March 3 in Astana"), next);
      expect(result).toEqual({ status: "anchored", confidence: 1, selector: expected(next, "on March 3 in Astana") });
      expect(result.selector!.prefix).toContain("roundtable");
    });

    it("flags a claim as changed, suggesting the corrected quote, when a typo inside it is fixed (transpofmer → transformer)", () => {
      const old = seedText("002");
      const next = replaceOnce(old, "transpofmer", "transformer");
      const result = reanchor(selectorFor(old, "staff of the Kentau transpofmer plant"), next);
      expect(result.status).toBe("changed");
      expect(result.confidence).toBeGreaterThan(0.9);
      expect(result.confidence).toBeLessThan(1);
      // The corrected words also occur two sentences later; the context picks the caption they came from.
      expect(result.selector).toEqual(expected(next, "staff of the Kentau transformer plant", 0));
      expect(rangeOf(next, "staff of the Kentau transformer plant", 1)).toBeTruthy();
    });
  });

  describe("quote style changed", () => {
    const old = `At the rally the chair said "we will build 300 schools this year" and the party's plan was printed.`;
    const next = "At the rally the chair said «we will build 300 schools this year» and the party’s plan was printed.";

    it('keeps a claim whose "…" became «…» anchored, with the new quote marks in its selector', () => {
      const result = reanchor(selectorFor(old, `"we will build 300 schools this year"`), next);
      expect(result.status).toBe("anchored");
      expect(result.confidence).toBeGreaterThan(0.95);
      expect(result.selector).toEqual(expected(next, "«we will build 300 schools this year»"));
    });

    it("keeps a claim whose apostrophe became ’ anchored", () => {
      const result = reanchor(selectorFor(old, "the party's plan was printed"), next);
      expect(result.status).toBe("anchored");
      expect(result.confidence).toBeGreaterThan(0.95);
      expect(result.selector).toEqual(expected(next, "the party’s plan was printed"));
    });
  });

  describe("the quoted phrase repeated elsewhere", () => {
    const old = [
      "In January the mayor said 7,000 volunteers had signed up for the spring clean-up.",
      "The party's campaign chief claimed that 7,000 volunteers will observe the polling stations on election day.",
      "Critics answered that 7,000 volunteers is a number the party has quoted at every election since 2016.",
    ].join("\n\n");
    const next = `A new paragraph at the top of the article.\n\n${old}`;

    it("picks the occurrence whose context matches when the phrase also appears earlier and later", () => {
      const result = reanchor(selectorFor(old, "7,000 volunteers", 1), next);
      expect(result.status).toBe("moved");
      expect(result.confidence).toBeGreaterThan(0.9);
      expect(result.selector).toEqual(expected(next, "7,000 volunteers", 1));
    });

    it("picks the first occurrence for a claim made on the first", () => {
      expect(reanchor(selectorFor(old, "7,000 volunteers", 0), next).selector).toEqual(expected(next, "7,000 volunteers", 0));
    });

    it("picks the last occurrence for a claim made on the last", () => {
      expect(reanchor(selectorFor(old, "7,000 volunteers", 2), next).selector).toEqual(expected(next, "7,000 volunteers", 2));
    });

    it("orphans a claim, as ambiguous, when two occurrences have the same context", () => {
      const paragraph = "Officials repeated on Monday that the regional budget will double by 2025 if the programme passes.";
      const twice = [paragraph, "Other news followed.", paragraph].join("\n\n");
      const result = reanchor(selectorFor(twice, "the regional budget will double", 1), `Update.\n\n${twice}`);
      expect(result).toEqual({ status: "orphaned", confidence: 0, selector: null, reason: "ambiguous" });
    });

    it("anchors a claim quoted twice in one article to each of its two places", () => {
      const article = [
        "The minister said the budget will double next year, according to the ministry.",
        "Later, the opposition leader repeated that the budget will double next year and called it a fantasy.",
      ].join("\n\n");
      const first = selectorFor(article, "the budget will double next year", 0);
      const second = selectorFor(article, "the budget will double next year", 1);
      const next = `Budget debate.\n\n${article.replace("\n\n", "\n\nThe debate went on for hours.\n\n")}`;
      const [a, b] = reanchorAll([first, second], next);
      expect(a.status).toBe("moved");
      expect(a.selector).toEqual(expected(next, "the budget will double next year", 0));
      expect(b.status).toBe("moved");
      expect(b.selector).toEqual(expected(next, "the budget will double next year", 1));
    });
  });

  describe.skipIf(!haveSeeds)("the claim's words gone or edited (seed 002)", () => {
    const claim = "60,000 students who graduate from Kazakhstan’s schools go abroad every year";
    const sentence = `According to statistics provided by the party, ${claim}, citing corruption in secondary and higher education institutions and high tuition fees as major reasons.`;

    it("orphans a claim whose sentence was deleted, and never anchors it", () => {
      const old = seedText("002");
      const result = reanchor(selectorFor(old, claim), replaceOnce(old, `${sentence}\n\n`, ""));
      expect(result).toEqual({ status: "orphaned", confidence: 0, selector: null, reason: expect.any(String) });
    });

    it("orphans a claim reworded beyond recognition", () => {
      const old = seedText("002");
      const next = replaceOnce(old, claim, "a large share of school leavers now leave to study in other countries");
      const result = reanchor(selectorFor(old, claim), next);
      expect(result.status).toBe("orphaned");
      expect(result.selector).toBeNull();
    });

    it("flags a claim whose number was corrected as changed, suggesting the corrected words", () => {
      const old = seedText("002");
      const next = replaceOnce(old, "60,000 students", "65,000 students");
      const result = reanchor(selectorFor(old, claim), next);
      expect(result.status).toBe("changed");
      expect(result.confidence).toBeGreaterThan(0.9);
      expect(result.confidence).toBeLessThan(1);
      expect(result.selector).toEqual(expected(next, claim.replace("60,000", "65,000")));
    });
  });

  it("orphans a short quote that survives only in another context, rather than guessing", () => {
    const old = "The governor promised 300 schools. Separately, the budget office reported a surplus of 2 billion tenge.";
    const next = "Separately, the budget office reported a surplus of 2 billion tenge. A rival candidate wants 300 schools too.";
    const result = reanchor(selectorFor(old, "promised 300 schools"), next);
    expect(result.status).toBe("orphaned");
    expect(result.selector).toBeNull();
  });

  describe.skipIf(!haveSeeds)("paragraphs merged and split (seed 000)", () => {
    it("moves a claim back by one when the paragraph before it is merged into its paragraph", () => {
      const old = seedText("000");
      const next = replaceOnce(old, "worked out.\n\nCandidates from the NSDP", "worked out. Candidates from the NSDP");
      const claim = "improving the quality of medical care for citizens";
      const result = reanchor(selectorFor(old, claim), next);
      expect(result.status).toBe("moved");
      expect(result.confidence).toBeGreaterThan(0.95);
      expect(result.selector).toEqual(expected(next, claim));
      expect(result.selector!.start).toBe(rangeOf(old, claim).start - 1);
    });

    it("moves a claim on by one when its paragraph is split before it", () => {
      const old = seedText("000");
      const next = replaceOnce(old, "Kazakhstan. During the meeting", "Kazakhstan.\n\nDuring the meeting");
      const claim = "they engaged with voters on various issues";
      const result = reanchor(selectorFor(old, claim), next);
      expect(result.status).toBe("moved");
      expect(result.selector).toEqual(expected(next, claim));
      expect(result.selector!.start).toBe(rangeOf(old, claim).start + 1);
    });

    it("keeps a claim that spans the split, with the paragraph break now inside its quote", () => {
      const old = seedText("000");
      const next = replaceOnce(old, "Kazakhstan. During the meeting", "Kazakhstan.\n\nDuring the meeting");
      const result = reanchor(selectorFor(old, "in the Akmola region of Kazakhstan. During the meeting"), next);
      expect(result.status).toBe("moved");
      expect(result.selector).toEqual(expected(next, "in the Akmola region of Kazakhstan.\n\nDuring the meeting"));
    });
  });

  describe.skipIf(!haveSeeds)("a Russian text (seed 004)", () => {
    it("keeps a claim anchored when \"…\" became «…» and е became ё inside it", () => {
      const old = seedText("004");
      const next = replaceOnce(old, 'общественные приемные "Nur Otan"', "общественные приёмные «Nur Otan»");
      const result = reanchor(selectorFor(old, 'Провели анализ всех обращений, поступивших в общественные приемные "Nur Otan".'), next);
      expect(result.status).toBe("anchored");
      expect(result.confidence).toBeGreaterThan(0.95);
      expect(result.selector).toEqual(expected(next, "Провели анализ всех обращений, поступивших в общественные приёмные «Nur Otan»."));
    });

    it("moves a claim after an inserted paragraph, with ё and a changed dash in it", () => {
      const old = seedText("004");
      const edited = replaceOnce(replaceOnce(old, "С учетом пандемии", "С учётом пандемии"), "кампании – Преодолев", "кампании — Преодолев");
      const next = `Материал обновлён.\n\n${edited}`;
      const a = reanchor(selectorFor(old, "С учетом пандемии важна динамичная и адресная работа"), next);
      expect(a.status).toBe("moved");
      expect(a.selector).toEqual(expected(next, "С учётом пандемии важна динамичная и адресная работа"));
      const b = reanchor(selectorFor(old, "Главный слоган нашей избирательной кампании – Преодолев испытания, победим вместе!"), next);
      expect(b.status).toBe("moved");
      expect(b.selector).toEqual(expected(next, "Главный слоган нашей избирательной кампании — Преодолев испытания, победим вместе!"));
    });
  });

  describe("unhappy inputs", () => {
    it("orphans an empty quote", () => {
      expect(reanchor({ exact: "", prefix: "", suffix: "", start: 0, end: 0 }, "Some text.")).toMatchObject({ status: "orphaned", selector: null });
    });

    it("orphans a claim when the new revision is empty", () => {
      const text = "The party promised 500 new schools by 2025.";
      expect(reanchor(selectorFor(text, "500 new schools"), "")).toMatchObject({ status: "orphaned", selector: null });
    });

    it("finds the quote even when its stored offsets lie past the end of the new text", () => {
      const text = "The party promised 500 new schools by 2025, its leader said.";
      const sel = { ...selectorFor(text, "500 new schools"), start: 500, end: 515 };
      const result = reanchor(sel, text);
      expect(result.status).toBe("moved");
      expect(result.selector).toEqual(expected(text, "500 new schools"));
    });
  });
});
