import { describe, expect, it } from "vitest";
import { canSeeSuggestions, decideSuggestionDismissal } from "../../schema/workflow";

describe("suggestion rights (schema/workflow.ts)", () => {
  it("shows suggestions to every staff role and to nobody else", () => {
    for (const role of ["checker", "editor", "admin"] as const) expect(canSeeSuggestions({ id: 1, role }).ok).toBe(true);
    expect(canSeeSuggestions(null)).toMatchObject({ ok: false, kind: "forbidden" });
  });
  it("takes dismissals for the current revision only, and says why it refuses an old one", () => {
    expect(decideSuggestionDismissal({ id: 1, role: "checker" }, { isCurrent: true }).ok).toBe(true);
    expect(decideSuggestionDismissal({ id: 1, role: "checker" }, { isCurrent: false })).toMatchObject({ ok: false, kind: "conflict", reason: expect.stringMatching(/newer revision/) });
    expect(decideSuggestionDismissal(null, { isCurrent: true })).toMatchObject({ ok: false, kind: "forbidden" });
  });
});
