import { describe, expect, it } from "vitest";
import { diffRevisions, mapSpan } from "../../../worker/domain/anchoring/revision-diff";

/** Map the first occurrence of `phrase` in `before` into `after`, returning the new text it covers. */
function mapped(before: string, after: string, phrase: string) {
  const at = before.indexOf(phrase);
  const m = mapSpan(diffRevisions(before, after), at, at + phrase.length);
  return m && { ...m, text: after.slice(m.start, m.end) };
}

describe("diffRevisions / mapSpan", () => {
  it("carries a span over a paragraph inserted above it, cleanly", () => {
    const before = "Title\n\nThe council promised 240 new buses by April.\n\nThe end.";
    const after = "Title\n\nA new first paragraph.\n\nThe council promised 240 new buses by April.\n\nThe end.";
    const m = mapped(before, after, "240 new buses")!;
    expect(m.text).toBe("240 new buses");
    expect(m.clean).toBe(true);
    expect(m.kept).toBe("240 new buses".length);
  });

  it("keeps a replaced first or last word inside the span, and inserted neighbours outside it", () => {
    const before = "They said 60,000 students go abroad every year, the minister said.";
    const after = "They said, sixty thousand students go abroad every single year, the minister said.";
    const m = mapped(before, after, "60,000 students go abroad every year")!;
    expect(m.text).toBe("sixty thousand students go abroad every single year");
    expect(m.clean).toBe(false);
    expect(m.keptWords).toBe("studentsgoabroadeveryyear".length);
  });

  it("does not let text inserted right before or after a span join it", () => {
    const m = mapped("Before. 300 schools. After.", "Before. New words 300 schools more words. After.", "300 schools")!;
    expect(m.text).toBe("300 schools");
    expect(m.clean).toBe(true);
  });

  it("keeps nothing of a span whose paragraph was deleted", () => {
    const m = mapped("One.\n\nThe claim is here.\n\nThree.", "One.\n\nThree.", "claim is here")!;
    expect(m.kept).toBe(0);
    expect(m.text).toBe("");
  });

  it("compares paragraphs edited one for one pairwise (a restyling through the whole text)", () => {
    const before = 'He said "300 schools" here.\n\nShe said "40 clinics" there.';
    const after = "He said «300 schools» here.\n\nShe said «40 clinics» there.";
    const m = mapped(before, after, "40 clinics")!;
    expect(m.text).toBe("40 clinics");
    expect(m.clean).toBe(true);
  });

  it("follows words in Cyrillic as whole words", () => {
    const m = mapped("Выделено 45 миллиардов тенге на программу.", "Выделено 45 млрд тенге на программу.", "45 миллиардов тенге")!;
    expect(m.text).toBe("45 млрд тенге");
    expect(m.keptWords).toBe("45тенге".length);
  });

  it("keeps the claim on the second copy of a repeated block when a long text is inserted above both", () => {
    const block = "We opened 40 new clinics. Waiting times fell by half.";
    const before = `Intro.\n\n${block}\n\nCheck:\n\n${block}`;
    const after = `Intro.\n\n${"A long new introduction. ".repeat(20)}\n\n${block}\n\nCheck:\n\n${block}`;
    const at = before.lastIndexOf("40 new clinics");
    const m = mapSpan(diffRevisions(before, after), at, at + 14)!;
    expect(m.start).toBe(after.lastIndexOf("40 new clinics"));
    expect(m.clean).toBe(true);
  });
});
