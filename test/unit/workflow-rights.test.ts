import { describe, expect, it } from "vitest";
import { claimStates, type ClaimState } from "../../schema/enums";
import { canCreateApiToken, canDelete, canManageApiTokens, type Actor, type ClaimFacts } from "../../schema/workflow";

const author: Actor = { id: 1, role: "checker" };
const otherChecker: Actor = { id: 2, role: "checker" };
const editor: Actor = { id: 3, role: "editor" };
const admin: Actor = { id: 4, role: "admin" };
const claim = (state: ClaimState): ClaimFacts => ({ state, authorId: 1, lastEditedBy: 1, assigneeId: 2 });

describe("workflow rights", () => {
  describe("canDelete", () => {
    it.each([author, editor, admin])("lets $role $id delete a draft", (actor) => {
      expect(canDelete(actor, claim("draft"))).toEqual({ ok: true });
    });

    it("refuses another checker, even the assignee, and says why", () => {
      expect(canDelete(otherChecker, claim("draft"))).toEqual({ ok: false, kind: "forbidden", reason: "Checkers can delete only their own drafts.", code: "delete_not_own" });
    });

    it.each(claimStates.filter((s) => s !== "draft"))("refuses a claim that is %s as a conflict, whoever asks", (state) => {
      for (const actor of [author, editor, admin]) expect(canDelete(actor, claim(state))).toMatchObject({ ok: false, kind: "conflict", reason: expect.stringMatching(/Only drafts/) });
    });
  });

  describe("canCreateApiToken", () => {
    it("lets a signed-in person create a token, and refuses a token, saying why", () => {
      expect(canCreateApiToken({ via: "session" })).toEqual({ ok: true });
      expect(canCreateApiToken({ via: "token" })).toEqual({ ok: false, kind: "forbidden", reason: expect.stringMatching(/API token cannot create API tokens/), code: "token_cannot_create_token" });
    });
  });

  describe("canManageApiTokens", () => {
    it("lets everyone manage their own tokens and admins anyone's", () => {
      for (const actor of [author, otherChecker, editor, admin]) expect(canManageApiTokens(actor, actor.id)).toEqual({ ok: true });
      expect(canManageApiTokens(admin, author.id)).toEqual({ ok: true });
    });

    it("refuses an editor or a checker another person's tokens, saying why", () => {
      for (const actor of [otherChecker, editor]) expect(canManageApiTokens(actor, author.id)).toEqual({ ok: false, kind: "forbidden", reason: "Only admins can see or revoke other people's API tokens.", code: "tokens_admins_only" });
    });
  });
});
