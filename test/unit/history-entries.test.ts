import { describe, expect, it } from "vitest";
import { historyEntries, type AuditItem } from "../../web/src/lib/history-entries";

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
let id = 0;
const ev = (actorId: number, action: string, at: string, before: unknown, after: unknown): AuditItem => ({ id: ++id, actorId, action, before, after, createdAt: `2026-12-02T09:${at}:00.000Z` });

describe("historyEntries", () => {
  it("groups one person's consecutive saves and says what changed over them", () => {
    const events = [
      ev(1, "claim.create", "00", null, { state: "draft" }),
      ev(1, "claim.update", "01", { ratingKey: null, explanation: null }, { ratingKey: "false" }),
      ev(1, "claim.update", "02", { ratingKey: "false", explanation: null }, { explanation: doc("No source given.") }),
      ev(1, "claim.update", "03", { ratingKey: "false", explanation: doc("No source given."), sources: [] }, { sources: [{ url: "https://a.example/" }], explanation: doc("No official source given.") }),
      ev(2, "claim.update", "04", { ratingKey: "false", sources: [{ url: "https://a.example/" }] }, { ratingKey: "mostly-false", sources: [{ url: "https://b.example/" }] }),
      ev(1, "claim.submit", "05", { state: "draft" }, { state: "in_review" }),
    ];
    const entries = historyEntries(events);
    expect(entries.map((e) => [e.kind, e.actorId, e.saves])).toEqual([["event", 1, 1], ["edit", 1, 3], ["edit", 2, 1], ["event", 1, 1]]);
    const first = entries[1]!;
    expect(first.verdict).toEqual({ before: null, after: "false" });
    expect(first.sourcesAdded).toEqual(["https://a.example/"]);
    expect(first.explanation!.filter((p) => p.added).map((p) => p.text.trim())).toEqual(["No official source given."]);
    const second = entries[2]!;
    expect(second.verdict).toEqual({ before: "false", after: "mostly-false" });
    expect(second).toMatchObject({ sourcesAdded: ["https://b.example/"], sourcesRemoved: ["https://a.example/"] });
  });

  it("starts a new entry after a long pause, and shows a word diff of the explanation", () => {
    const events = [
      ev(1, "claim.update", "00", { explanation: doc("The figure is old.") }, { explanation: doc("The figure is from 2019.") }),
      ev(1, "claim.update", "45", { explanation: doc("The figure is from 2019.") }, { ratingKey: "false" }),
    ];
    const entries = historyEntries(events);
    expect(entries).toHaveLength(2);
    expect(entries[0]!.explanation!.filter((p) => p.removed).map((p) => p.text.trim())).toEqual(["old"]);
    expect(entries[0]!.explanation!.filter((p) => p.added).map((p) => p.text).join("")).toBe("from 2019");
  });
});
