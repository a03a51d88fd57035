import { describe, expect, it } from "vitest";
import { canLinkSameClaim, canUseNewsroomTools, type ClaimFacts } from "../../../schema/workflow";

const checker = { id: 1, role: "checker" as const };
const other = { id: 2, role: "checker" as const };
const editor = { id: 3, role: "editor" as const };
const draft: ClaimFacts & { id: number } = { id: 10, state: "draft", authorId: 1, lastEditedBy: 1, assigneeId: null };
const target = { id: 20, sameAsId: null };

describe("canUseNewsroomTools", () => {
  it("lets staff in and keeps the public out, saying why", () => {
    expect(canUseNewsroomTools(checker)).toEqual({ ok: true });
    expect(canUseNewsroomTools(null)).toMatchObject({ ok: false, kind: "forbidden", reason: expect.stringMatching(/Log in/) });
  });
});

describe("canLinkSameClaim", () => {
  it("follows the claim's own editing rights", () => {
    expect(canLinkSameClaim(checker, draft, target).ok).toBe(true);
    expect(canLinkSameClaim(other, draft, target)).toMatchObject({ ok: false, kind: "forbidden" });
    expect(canLinkSameClaim(checker, { ...draft, state: "in_review" }, target)).toMatchObject({ ok: false, kind: "conflict" });
  });
  it("leaves published fact-checks to editors", () => {
    const published = { ...draft, state: "published" as const };
    expect(canLinkSameClaim(checker, published, target)).toMatchObject({ ok: false, kind: "forbidden", reason: expect.stringMatching(/editors/) });
    expect(canLinkSameClaim(editor, published, target).ok).toBe(true);
  });
  it("refuses itself and a chain, naming the claim to link to instead", () => {
    expect(canLinkSameClaim(editor, draft, { id: 10, sameAsId: null })).toMatchObject({ ok: false, kind: "conflict" });
    expect(canLinkSameClaim(editor, draft, { id: 20, sameAsId: 7 })).toMatchObject({ ok: false, reason: expect.stringContaining("claim 7") });
  });
  it("lets an unlink through on editing rights alone", () => {
    expect(canLinkSameClaim(checker, draft, null).ok).toBe(true);
  });
});
