import { describe, expect, it } from "vitest";
import { claimStates, type ClaimState } from "../../schema/enums";
import { availableActions, canEdit, decideTransition, workflowActions, type Actor, type ClaimFacts, type WorkflowAction } from "../../schema/workflow";

const author: Actor = { id: 1, role: "checker" };
const otherChecker: Actor = { id: 2, role: "checker" };
const editor: Actor = { id: 3, role: "editor" };
const admin: Actor = { id: 4, role: "admin" };

const claim = (state: ClaimState, extra: Partial<ClaimFacts> = {}): ClaimFacts => ({ state, authorId: 1, lastEditedBy: 1, assigneeId: null, ...extra });

/** Every state each action may start from, and where it leads: the workflow as a table. */
const allowed: Record<WorkflowAction, [ClaimState[], ClaimState]> = {
  submit: [["draft", "changes_requested"], "in_review"],
  request_changes: [["in_review"], "changes_requested"],
  approve: [["in_review"], "approved"],
  publish: [["approved"], "published"],
  correct: [["published", "corrected"], "corrected"],
  retract: [["published", "corrected"], "retracted"],
};

describe("workflow", () => {
  describe("decideTransition by state (editor, who neither wrote nor edited the claim)", () => {
    const cases = workflowActions.flatMap((action) => claimStates.map((state) => ({ action, state, ok: allowed[action][0].includes(state) })));
    it.each(cases)("$action from $state → allowed: $ok", ({ action, state, ok }) => {
      const decision = decideTransition(editor, claim(state), action);
      if (ok) expect(decision).toEqual({ ok: true, to: allowed[action][1] });
      else expect(decision).toMatchObject({ ok: false, kind: "conflict" });
    });
  });

  describe("decideTransition by role", () => {
    it.each(["request_changes", "approve", "publish", "correct", "retract"] as const)("a checker may not %s", (action) => {
      const state = allowed[action][0][0];
      expect(decideTransition(otherChecker, claim(state), action)).toMatchObject({ ok: false, kind: "forbidden" });
      expect(decideTransition(author, claim(state), action)).toMatchObject({ ok: false, kind: "forbidden" });
    });

    it("the author submits their own draft, another checker may not", () => {
      expect(decideTransition(author, claim("draft"), "submit")).toEqual({ ok: true, to: "in_review" });
      expect(decideTransition(otherChecker, claim("draft"), "submit")).toMatchObject({ ok: false, kind: "forbidden" });
    });

    it("a checker assigned to a claim may submit it", () => {
      expect(decideTransition(otherChecker, claim("changes_requested", { assigneeId: 2 }), "submit")).toEqual({ ok: true, to: "in_review" });
    });

    it("admins hold the editor's powers", () => {
      expect(decideTransition(admin, claim("in_review"), "approve")).toEqual({ ok: true, to: "approved" });
    });
  });

  describe("four eyes", () => {
    it.each(["approve", "publish"] as const)("an editor who wrote the claim may not %s it, and is told why", (action) => {
      const state = allowed[action][0][0];
      const decision = decideTransition(editor, claim(state, { authorId: 3, lastEditedBy: 3 }), action);
      expect(decision).toMatchObject({ ok: false, kind: "forbidden" });
      expect(decision.ok || decision.reason).toMatch(/you wrote this claim/);
    });

    it.each(["approve", "publish"] as const)("an editor who edited the claim last may not %s it", (action) => {
      const state = allowed[action][0][0];
      const decision = decideTransition(editor, claim(state, { lastEditedBy: 3 }), action);
      expect(decision.ok || decision.reason).toMatch(/edited this claim last/);
    });

    it("the same editor may request changes on a claim they edited", () => {
      expect(decideTransition(editor, claim("in_review", { lastEditedBy: 3 }), "request_changes")).toEqual({ ok: true, to: "changes_requested" });
    });
  });

  describe("canEdit", () => {
    it.each([
      ["author, draft", author, claim("draft"), true],
      ["author, changes requested", author, claim("changes_requested"), true],
      ["author, in review", author, claim("in_review"), false],
      ["other checker, draft", otherChecker, claim("draft"), false],
      ["assigned checker, draft", otherChecker, claim("draft", { assigneeId: 2 }), true],
      ["editor, in review", editor, claim("in_review"), true],
      ["editor, approved", editor, claim("approved"), false],
      ["editor, published", editor, claim("published"), false],
    ] as const)("%s → %s", (_, actor, facts, ok) => {
      expect(canEdit(actor, facts).ok).toBe(ok);
    });
  });

  describe("availableActions", () => {
    it("lists every action with a reason for each one refused", () => {
      const list = availableActions(editor, claim("in_review", { lastEditedBy: 3 }));
      expect(list.map((a) => a.action)).toEqual([...workflowActions]);
      expect(list.find((a) => a.action === "request_changes")).toEqual({ action: "request_changes", allowed: true, reason: null });
      expect(list.find((a) => a.action === "approve")?.reason).toMatch(/Four eyes/);
    });
  });
});
