import { describe, expect, it } from "vitest";
import { claimStates, type ClaimState } from "../../schema/enums";
import {
  availableActions,
  canApproveClaimantDescription,
  canConfirmAnchor,
  canDelete,
  canEdit,
  canReanchor,
  canReviseArticle,
  decideTransition,
  may,
  workflowActions,
  type Actor,
  type ClaimFacts,
  type WorkflowAction,
} from "../../schema/workflow";

const author: Actor = { id: 1, role: "checker" };
const otherChecker: Actor = { id: 2, role: "checker" };
const editor: Actor = { id: 3, role: "editor" };
const admin: Actor = { id: 4, role: "admin" };

const claim = (state: ClaimState, extra: Partial<ClaimFacts> = {}): ClaimFacts => ({ state, authorId: 1, shapedBy: [1], assigneeId: null, ...extra });

/** Every state each action may start from, and where it leads: the workflow as a table. */
const allowed: Record<WorkflowAction, [ClaimState[], ClaimState]> = {
  submit: [["draft", "changes_requested"], "in_review"],
  request_changes: [["in_review", "approved"], "changes_requested"],
  approve: [["in_review"], "approved"],
  publish: [["approved"], "published"],
  correct: [["published", "corrected"], "corrected"],
  retract: [["published", "corrected"], "retracted"],
  approve_correction: [["published", "corrected"], "corrected"],
  reject_correction: [["published", "corrected"], "corrected"],
};

/** Actions that need something waiting (a correction) before they apply at all. */
const pending = { pendingCorrection: { proposedBy: 9 } };

describe("workflow", () => {
  describe("decideTransition by state (editor, who neither wrote nor edited the claim)", () => {
    const cases = workflowActions.flatMap((action) => claimStates.map((state) => ({ action, state, ok: allowed[action][0].includes(state) })));
    it.each(cases)("$action from $state → allowed: $ok", ({ action, state, ok }) => {
      const decision = decideTransition(editor, claim(state, pending), action);
      const to = action === "reject_correction" ? state : allowed[action][1];
      if (ok) expect(decision).toEqual({ ok: true, to });
      else expect(decision).toMatchObject({ ok: false, kind: "conflict" });
    });
  });

  describe("decideTransition by role", () => {
    it.each(["request_changes", "approve", "publish", "correct", "retract", "approve_correction", "reject_correction"] as const)("a checker may not %s", (action) => {
      const state = allowed[action][0][0];
      expect(decideTransition(otherChecker, claim(state, pending), action)).toMatchObject({ ok: false, kind: "forbidden" });
      expect(decideTransition(author, claim(state, pending), action)).toMatchObject({ ok: false, kind: "forbidden" });
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
    it.each(["approve", "publish"] as const)("an editor who shaped the claim may not %s it, and is told why", (action) => {
      const state = allowed[action][0][0];
      const decision = decideTransition(editor, claim(state, { authorId: 3, shapedBy: [3] }), action);
      expect(decision).toMatchObject({ ok: false, kind: "forbidden" });
      expect(decision.ok || decision.reason).toMatch(/you shaped this claim/);
    });

    it.each(["approve", "publish"] as const)("anyone who changed the content since the last publication may not %s it, not only the last editor", (action) => {
      const state = allowed[action][0][0];
      expect(decideTransition(editor, claim(state, { shapedBy: [1, 3, 2] }), action)).toMatchObject({ ok: false, kind: "forbidden" });
      expect(decideTransition(admin, claim(state, { shapedBy: [1, 3, 2] }), action)).toEqual({ ok: true, to: allowed[action][1] });
    });

    it("the same editor may request changes on a claim they edited", () => {
      expect(decideTransition(editor, claim("in_review", { shapedBy: [3] }), "request_changes")).toEqual({ ok: true, to: "changes_requested" });
    });

    it("holds a verdict-changing correction for a second editor; a note-only correction is one editor's", () => {
      expect(decideTransition(editor, claim("published"), "correct", true)).toEqual({ ok: true, to: "published", held: true });
      expect(decideTransition(editor, claim("published"), "correct", false)).toEqual({ ok: true, to: "corrected" });
      const waiting = claim("published", { pendingCorrection: { proposedBy: 3 }, shapedBy: [3] });
      expect(decideTransition(editor, waiting, "approve_correction")).toMatchObject({ ok: false, kind: "forbidden" });
      expect(decideTransition(admin, waiting, "approve_correction")).toEqual({ ok: true, to: "corrected" });
      expect(decideTransition(admin, waiting, "correct", true)).toMatchObject({ ok: false, kind: "conflict" });
    });
  });

  describe("re-anchoring", () => {
    it("never moves a public claim that is still placed", () => {
      for (const anchorStatus of ["anchored", "moved"] as const) {
        expect(canReanchor(editor, claim("published", { anchorStatus }))).toMatchObject({ ok: false, kind: "conflict" });
      }
    });

    it("takes a new place for a changed or orphaned public claim as a proposal, from editors only", () => {
      expect(canReanchor(editor, claim("corrected", { anchorStatus: "changed" }))).toEqual({ ok: true, proposal: true });
      expect(canReanchor(author, claim("published", { anchorStatus: "orphaned" }))).toMatchObject({ ok: false, kind: "forbidden" });
    });

    it("places a claim that is not public directly, while it may be edited; never an approved one", () => {
      expect(canReanchor(author, claim("draft", { anchorStatus: "changed" }))).toEqual({ ok: true, proposal: false });
      expect(canReanchor(editor, claim("approved", { anchorStatus: "changed" }))).toMatchObject({ ok: false, kind: "conflict" });
    });

    it("lets a second person who neither proposed nor shaped the claim confirm the proposal", () => {
      const proposed = claim("published", { anchorStatus: "changed", anchorProposal: { proposedBy: 3 }, shapedBy: [3] });
      expect(canConfirmAnchor(editor, proposed)).toMatchObject({ ok: false, kind: "forbidden" });
      expect(canConfirmAnchor(admin, proposed)).toEqual({ ok: true });
      expect(canConfirmAnchor({ id: 5, role: "editor" }, { ...proposed, shapedBy: [3, 5] })).toMatchObject({ ok: false, kind: "forbidden" });
      expect(canConfirmAnchor(admin, claim("published"))).toMatchObject({ ok: false, kind: "conflict" });
    });
  });

  describe("other decisions", () => {
    it("deletes drafts only, a checker's own", () => {
      expect(canDelete(author, claim("draft")).ok).toBe(true);
      expect(canDelete(otherChecker, claim("draft"))).toMatchObject({ ok: false, kind: "forbidden" });
      expect(canDelete(editor, claim("in_review"))).toMatchObject({ ok: false, kind: "conflict" });
    });

    it("lets only editors replace the text of an article with public claims", () => {
      expect(canReviseArticle(author, { publicClaims: 0 }).ok).toBe(true);
      expect(canReviseArticle(author, { publicClaims: 1 })).toMatchObject({ ok: false, kind: "forbidden" });
      expect(canReviseArticle(editor, { publicClaims: 1 }).ok).toBe(true);
    });

    it("makes a claimant description public only by an editor who did not write it", () => {
      const written = { description: "d", descriptionBy: 3, publicDescription: null };
      expect(canApproveClaimantDescription(editor, written)).toMatchObject({ ok: false, kind: "forbidden" });
      expect(canApproveClaimantDescription(author, written)).toMatchObject({ ok: false, kind: "forbidden" });
      expect(canApproveClaimantDescription(admin, written).ok).toBe(true);
      expect(canApproveClaimantDescription(admin, { ...written, publicDescription: "d" })).toMatchObject({ ok: false, kind: "conflict" });
    });

    it("gives role-only powers by role", () => {
      expect(may(editor, "assign").ok).toBe(true);
      expect(may(author, "assign").ok).toBe(false);
      expect(may(editor, "manageUsers").ok).toBe(false);
      expect(may(admin, "manageUsers").ok).toBe(true);
      expect(may(null, "review").ok).toBe(false);
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
      const list = availableActions(editor, claim("in_review", { shapedBy: [3] }));
      expect(list.map((a) => a.action)).toEqual([...workflowActions]);
      expect(list.find((a) => a.action === "request_changes")).toEqual({ action: "request_changes", allowed: true, reason: null, code: null, applies: true });
      expect(list.find((a) => a.action === "approve")?.reason).toMatch(/Four eyes/);
      // A stable code beside the English reason, for the workspace to translate.
      expect(list.find((a) => a.action === "approve")?.code).toBe("four_eyes");
    });
  });
});
