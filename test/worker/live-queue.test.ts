import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LiveEvent } from "../../schema/live";
import { change, openDesk, settle, type TestSocket } from "./live-support";
import { call, importArticle, json, sampleArticle, selectorFor, signInStaff, type Staff, type Who } from "./support";

let people: Record<Exclude<Who, "public">, Staff>;
let article: { id: number; text: string };
let open: TestSocket[] = [];

async function joinQueue(as: Staff) {
  const { res, socket } = await openDesk("/api/queue/live", { as });
  expect(res.status).toBe(101);
  open.push(socket!);
  await socket!.next((m) => m.type === "welcome");
  return socket!;
}

async function createClaim(exact: string, as: Staff) {
  const res = await call(`/api/articles/${article.id}/claims`, { method: "POST", as, body: { selector: selectorFor(article.text, exact), ratingKey: "half-true" } });
  return (await json(res)).claim as { id: number; version: number };
}

beforeEach(async () => {
  people = await signInStaff();
  article = await importArticle(sampleArticle, people.checker);
});
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

describe("the review desk", () => {
  it("refuses the public and cross-origin cookies", async () => {
    expect((await openDesk("/api/queue/live", { as: null })).res.status).toBe(401);
    expect((await openDesk("/api/queue/live", { as: people.editor, origin: "https://evil.example" })).res.status).toBe(403);
  });

  it("gives editors every claim change, and a checker only changes to claims they wrote or are assigned", async () => {
    const editor = await joinQueue(people.editor);
    const checker2 = await joinQueue(people.checker2);
    const theirs = await createClaim("1,200 new computers", people.checker);
    await editor.next(change("claim.created", theirs.id));
    const submitted = await json(await call(`/api/claims/${theirs.id}/transitions`, { method: "POST", as: people.checker, body: { action: "submit", version: theirs.version } }));
    await editor.next(change("claim.transitioned", theirs.id));
    await settle();
    expect(checker2.messages.filter((m) => "claimId" in m)).toEqual([]);
    // Assigned to checker2: now it is theirs to watch (their badge).
    const assigned = await call(`/api/claims/${theirs.id}/assign`, { method: "POST", as: people.editor, body: { assigneeId: people.checker2.id, version: submitted.claim.version } });
    expect(assigned.status).toBe(200);
    const seen = (await checker2.next(change("claim.assigned", theirs.id))) as LiveEvent;
    expect(seen).toMatchObject({ assigneeId: people.checker2.id, actor: { id: people.editor.id } });
    const own = await createClaim("no list of schools was published", people.checker2);
    await checker2.next(change("claim.created", own.id));
  });

  it("takes no messages: presence on the queue gets an error frame, for checkers and editors alike", async () => {
    for (const who of [people.checker, people.editor]) {
      const s = await joinQueue(who);
      s.send({ type: "open-claim", claimId: 1 });
      expect(await s.next((m) => m.type === "error")).toMatchObject({ type: "error", code: "conflict" });
      s.send({ type: "selecting", from: 1, to: 2 });
      await s.next((m) => m.type === "error" && s.messages.filter((x) => x.type === "error").length === 2);
    }
  });
});
