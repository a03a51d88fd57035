import { describe, expect, it } from "vitest";
import { changedFields, isEmptyDoc, mergeDrafts, type ClaimDraft, type RichDoc, type SourceDraft } from "../../../web/src/lib/claim-merge";

const para = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...texts: string[]): RichDoc => ({ type: "doc", content: texts.map(para) });
const source = (url: string, title = ""): SourceDraft => ({ url, title, publisher: "", publishedAt: "", quote: "" });
const base: ClaimDraft = { claimant: null, ratingKey: null, explanation: doc("Base."), sources: [source("https://a.example/")] };

describe("mergeDrafts", () => {
  it("takes each side's change when they touched different fields", () => {
    const mine = { ...base, ratingKey: "false" };
    const theirs = { ...base, claimant: { id: 3, name: "Party" } };
    const { merged, conflicts } = mergeDrafts(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged).toEqual({ ...base, ratingKey: "false", claimant: { id: 3, name: "Party" } });
  });

  it("keeps both explanations' new paragraphs when both rewrote it", () => {
    const mine = { ...base, explanation: doc("Base.", "Mine says this.") };
    const theirs = { ...base, explanation: doc("Base.", "Theirs says that.") };
    const { merged, conflicts } = mergeDrafts(base, mine, theirs);
    expect(conflicts).toEqual(["explanation"]);
    expect(merged.explanation).toEqual(doc("Base.", "Theirs says that.", "Mine says this."));
  });

  it("keeps sources added on both sides, and my edit of a shared one", () => {
    const mine = { ...base, sources: [source("https://a.example/", "edited by me"), source("https://mine.example/")] };
    const theirs = { ...base, sources: [source("https://a.example/"), source("https://theirs.example/")] };
    const { merged, conflicts } = mergeDrafts(base, mine, theirs);
    expect(conflicts).toEqual(["sources"]);
    expect(merged.sources.map((s) => s.url)).toEqual(["https://a.example/", "https://theirs.example/", "https://mine.example/"]);
    expect(merged.sources[0].title).toBe("edited by me");
  });

  it("prefers mine for a verdict both changed, and reports the conflict", () => {
    const { merged, conflicts } = mergeDrafts(base, { ...base, ratingKey: "true" }, { ...base, ratingKey: "false" });
    expect(conflicts).toEqual(["ratingKey"]);
    expect(merged.ratingKey).toBe("true");
  });

  it("reports no conflict when both made the same change", () => {
    const same = { ...base, ratingKey: "half-true" };
    expect(mergeDrafts(base, same, { ...same }).conflicts).toEqual([]);
  });
});

describe("changedFields", () => {
  it("lists the fields that differ", () => {
    expect(changedFields(base, { ...base, sources: [] })).toEqual(["sources"]);
    expect(changedFields(base, { ...base })).toEqual([]);
  });
});

describe("isEmptyDoc", () => {
  it("treats a doc of empty paragraphs as empty", () => {
    expect(isEmptyDoc({ type: "doc", content: [{ type: "paragraph" }] })).toBe(true);
    expect(isEmptyDoc(null)).toBe(true);
    expect(isEmptyDoc(doc("x"))).toBe(false);
  });
});
