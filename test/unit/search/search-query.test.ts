import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "../../../worker/domain/search/cursor";
import { searchMatch, searchPrefix } from "../../../worker/domain/search/fts-query";
import { hitClose, hitOpen, snippetParts } from "../../../worker/domain/search/snippet";

describe("search", () => {
  describe("searchMatch", () => {
    it("makes each typed word a prefix of its stem, Russian and English alike", () => {
      expect(searchMatch("студентов")).toBe('"студент"*');
      expect(searchMatch("Repairs")).toBe('"repair"*');
      // Snowball rewrites the ending of "study"; only the part the word starts with is a prefix.
      expect(searchMatch("study")).toBe('"stud"*');
    });

    it("folds ё to е and keeps Kazakh words and numbers as typed", () => {
      expect(searchMatch("Ёлки")).toBe(`"${searchPrefix("елки")}"*`);
      expect(searchMatch("Қазақстанның")).toBe('"қазақстанның"*');
      expect(searchMatch("ауылдарында", "kk")).toBe('"ауылдарында"*');
      expect(searchMatch("2025")).toBe('"2025"*');
    });

    it("keeps numbers with separators and quoted text as phrases", () => {
      expect(searchMatch("60,000 students")).toBe('"60 000"* "student"*');
      expect(searchMatch('"drinking water" 2025')).toBe('"drinking water" "2025"*');
    });

    it("lets none of FTS5's syntax through and returns null when nothing is searchable", () => {
      expect(searchMatch('NEAR(a b) OR "x')).toBe('"near a"* "b"* "or"* "x"*');
      expect(searchMatch("col:value -x *")).toBe('"col value"* "x"*');
      expect(searchMatch(" * - ( ) ")).toBeNull();
      expect(searchMatch("")).toBeNull();
    });

    it("sends at most twelve terms", () => {
      expect(searchMatch(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "))!.split(" ")).toHaveLength(12);
    });
  });

  describe("snippetParts", () => {
    it("cuts a marked snippet into text pieces, hits flagged, markup left as text", () => {
      expect(snippetParts(`a <b>${hitOpen}x${hitClose} & ${hitOpen}y${hitClose}`)).toEqual([
        { text: "a <b>", hit: false },
        { text: "x", hit: true },
        { text: " & ", hit: false },
        { text: "y", hit: true },
      ]);
      expect(snippetParts(null)).toEqual([]);
      expect(snippetParts(`${hitClose}stray`)).toEqual([{ text: "stray", hit: false }]);
    });
  });

  describe("cursor", () => {
    it("round-trips a row id for its own kind only, and refuses anything else", () => {
      const cursor = encodeCursor("claims", 1234);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor("claims", cursor)).toBe(1234);
      expect(decodeCursor("articles", cursor)).toBeNull();
      for (const bad of ["", "abc", "1234", btoa('["claims",-1]'), btoa('["claims",1.5]'), btoa("{}")]) expect(decodeCursor("claims", bad)).toBeNull();
    });
  });
});
