import { describe, expect, it } from "vitest";
import { initialsOf } from "../../schema/live";
import { canJoinDesk, canSendLive } from "../../schema/workflow";
import { parseClientMessage } from "../../worker/live/client-message";

const checker = { id: 1, role: "checker" as const };
const editor = { id: 2, role: "editor" as const };
const admin = { id: 3, role: "admin" as const };

describe("live desk rights", () => {
  describe("canJoinDesk", () => {
    it("refuses the public on both desks", () => {
      expect(canJoinDesk(null, "article").ok).toBe(false);
      expect(canJoinDesk(null, "queue").ok).toBe(false);
    });
    it("lets every staff member onto an article's desk with every change", () => {
      for (const actor of [checker, editor, admin]) expect(canJoinDesk(actor, "article")).toEqual({ ok: true, scope: "all" });
    });
    it("gives editors the whole queue and checkers only their own claims", () => {
      expect(canJoinDesk(editor, "queue")).toEqual({ ok: true, scope: "all" });
      expect(canJoinDesk(admin, "queue")).toEqual({ ok: true, scope: "all" });
      expect(canJoinDesk(checker, "queue")).toEqual({ ok: true, scope: "own" });
    });
  });
  describe("canSendLive", () => {
    it("takes presence messages on an article's desk from staff", () => {
      for (const actor of [checker, editor, admin]) {
        expect(canSendLive(actor, "article", "open-claim").ok).toBe(true);
        expect(canSendLive(actor, "article", "selecting").ok).toBe(true);
      }
    });
    it("takes no message on the queue's desk", () => {
      expect(canSendLive(editor, "queue", "open-claim")).toMatchObject({ ok: false, kind: "conflict" });
      expect(canSendLive(checker, "queue", "selecting")).toMatchObject({ ok: false, kind: "conflict" });
    });
    it("refuses a selection from anyone without a staff role", () => {
      expect(canSendLive({ id: 9, role: "reader" as never }, "article", "selecting")).toMatchObject({ ok: false, kind: "forbidden" });
    });
  });
});

describe("parseClientMessage", () => {
  it("accepts each message type in its shape", () => {
    expect(parseClientMessage('{"type":"open-claim","claimId":4}')).toEqual({ type: "open-claim", value: { type: "open-claim", claimId: 4 } });
    expect(parseClientMessage('{"type":"open-claim","claimId":null}')).toMatchObject({ type: "open-claim" });
    expect(parseClientMessage('{"type":"selecting","from":1,"to":5}')).toMatchObject({ type: "selecting", value: { from: 1, to: 5 } });
    expect(parseClientMessage('{"type":"selecting","from":null,"to":null}')).toMatchObject({ type: "selecting" });
  });
  it("names what is wrong with everything else, without throwing", () => {
    expect(parseClientMessage(new ArrayBuffer(2))).toMatchObject({ error: "binary" });
    expect(parseClientMessage("x".repeat(600))).toMatchObject({ error: "too_long" });
    expect(parseClientMessage("{")).toMatchObject({ error: "bad_json" });
    expect(parseClientMessage("null")).toMatchObject({ error: "unknown_type" });
    expect(parseClientMessage('{"type":"__proto__"}')).toMatchObject({ error: "unknown_type" });
    expect(parseClientMessage('{"type":"selecting","from":5,"to":5}')).toMatchObject({ error: "invalid" });
    expect(parseClientMessage('{"type":"selecting","from":1,"to":null}')).toMatchObject({ error: "invalid" });
    expect(parseClientMessage('{"type":"open-claim","claimId":1,"name":"x"}')).toMatchObject({ error: "invalid" });
    expect(parseClientMessage('{"type":"open-claim","claimId":-1}')).toMatchObject({ error: "invalid" });
  });
});

describe("initialsOf", () => {
  it("takes the first letters of the first two words, in capitals, in any script", () => {
    expect(initialsOf("Dana Editor")).toBe("DE");
    expect(initialsOf("  айгерим  сейтова  ")).toBe("АС");
    expect(initialsOf("Checker")).toBe("C");
    expect(initialsOf("")).toBe("?");
  });
});
