import { describe, expect, it } from "vitest";
import type { LiveEvent } from "../../schema/live";
import { change, openDesk, settle, useLiveDesk } from "./live-support";
import { call, json, type Staff } from "./support";

const desk = useLiveDesk();
const { joinQueue } = desk;
const createClaim = (exact: string, as: Staff) => desk.createClaim(exact, as, { ratingKey: "half-true" });





describe("the review desk", () => {
  it("refuses the public and cross-origin cookies", async () => {
    expect((await openDesk("/api/queue/live", { as: null })).res.status).toBe(401);
    expect((await openDesk("/api/queue/live", { as: desk.people.editor, origin: "https://evil.example" })).res.status).toBe(403);
  });

  it("gives editors every claim change, and a checker only changes to claims they wrote or are assigned", async () => {
    const editor = await joinQueue(desk.people.editor);
    const checker2 = await joinQueue(desk.people.checker2);
    const theirs = await createClaim("1,200 new computers", desk.people.checker);
    await editor.next(change("claim.created", theirs.id));
    const submitted = await json(await call(`/api/claims/${theirs.id}/transitions`, { method: "POST", as: desk.people.checker, body: { action: "submit", version: theirs.version } }));
    await editor.next(change("claim.transitioned", theirs.id));
    await settle();
    expect(checker2.messages.filter((m) => "claimId" in m)).toEqual([]);
    // Assigned to checker2: now it is theirs to watch (their badge).
    const assigned = await call(`/api/claims/${theirs.id}/assign`, { method: "POST", as: desk.people.editor, body: { assigneeId: desk.people.checker2.id, version: submitted.claim.version } });
    expect(assigned.status).toBe(200);
    const seen = (await checker2.next(change("claim.assigned", theirs.id))) as LiveEvent;
    expect(seen).toMatchObject({ assigneeId: desk.people.checker2.id, actor: { id: desk.people.editor.id } });
    const own = await createClaim("no list of schools was published", desk.people.checker2);
    await checker2.next(change("claim.created", own.id));
  });

  it("takes no messages: presence on the queue gets an error frame, for checkers and editors alike", async () => {
    for (const who of [desk.people.checker, desk.people.editor]) {
      const s = await joinQueue(who);
      s.send({ type: "open-claim", claimId: 1 });
      expect(await s.next((m) => m.type === "error")).toMatchObject({ type: "error", code: "conflict" });
      s.send({ type: "selecting", from: 1, to: 2 });
      await s.next((m) => m.type === "error" && s.messages.filter((x) => x.type === "error").length === 2);
    }
  });
});
