import { env } from "cloudflare:workers";
import { evictDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LiveEvent, LiveServerMessage, PresenceEntry } from "../../schema/live";
import { change, openDesk, settle, type TestSocket } from "./live-support";
import { call, importArticle, json, sampleArticle, selectorFor, signInStaff, type Staff, type Who } from "./support";

let people: Record<Exclude<Who, "public">, Staff>;
let article: { id: number; text: string };
let open: TestSocket[] = [];

const presence = (m: LiveServerMessage): m is { type: "presence"; people: PresenceEntry[] } => m.type === "presence";
const presenceOf = (count: number) => (m: LiveServerMessage): m is { type: "presence"; people: PresenceEntry[] } => presence(m) && m.people.length === count;

async function join(as: Staff, since?: number) {
  const { res, socket } = await openDesk(`/api/articles/${article.id}/live`, { as, since });
  expect(res.status).toBe(101);
  open.push(socket!);
  return socket!;
}

async function createClaim(exact: string, as = people.checker) {
  const res = await call(`/api/articles/${article.id}/claims`, { method: "POST", as, body: { selector: selectorFor(article.text, exact), ratingKey: "half-true", explanation: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Secret working notes" }] }] } } });
  expect(res.status).toBe(201);
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

describe("the article desk", () => {
  describe("connecting", () => {
    it("welcomes a signed-in checker with the desk's sequence number and shows them in the presence list, with initials", async () => {
      const me = await join(people.checker);
      const welcome = await me.next((m) => m.type === "welcome");
      expect(welcome).toMatchObject({ type: "welcome", seq: expect.any(Number), connection: expect.any(String) });
      const list = await me.next(presenceOf(1));
      expect(list.people).toEqual([{ connection: (welcome as { connection: string }).connection, userId: people.checker.id, name: expect.any(String), initials: expect.stringMatching(/^\p{Lu}{1,2}$/u), openClaim: null, selection: null }]);
    });

    it("tells everyone on the article when a second person joins and when they leave", async () => {
      const a = await join(people.checker);
      await a.next(presenceOf(1));
      const b = await join(people.editor);
      const both = await a.next(presenceOf(2));
      expect(both.people.map((p) => p.userId).sort()).toEqual([people.checker.id, people.editor.id].sort());
      a.messages.length = 0;
      b.close();
      const after = await a.next(presenceOf(1));
      expect(after.people.map((p) => p.userId)).toEqual([people.checker.id]);
    });

    it("refuses the public (401), a non-upgrade request (426), an unknown article (404) and a cookie from another origin or none (403)", async () => {
      expect((await openDesk(`/api/articles/${article.id}/live`, { as: null })).res.status).toBe(401);
      expect((await openDesk(`/api/articles/${article.id}/live`, { as: people.checker, upgrade: false })).res.status).toBe(426);
      expect((await openDesk(`/api/articles/${article.id + 999}/live`, { as: people.checker })).res.status).toBe(404);
      const evil = await openDesk(`/api/articles/${article.id}/live`, { as: people.checker, origin: "https://evil.example" });
      expect(evil.res.status).toBe(403);
      expect((await json(evil.res)).error.code).toBe("csrf");
      expect((await openDesk(`/api/articles/${article.id}/live`, { as: people.checker, origin: null })).res.status).toBe(403);
    });

    it("lets a script in with an API token and no Origin, and refuses a made-up one", async () => {
      const token = await json(await call("/api/auth/tokens", { method: "POST", as: people.editor, body: { name: "live" } }));
      const { res, socket } = await openDesk(`/api/articles/${article.id}/live`, { token: token.token, origin: null });
      expect(res.status).toBe(101);
      open.push(socket!);
      await socket!.next(presenceOf(1));
      expect((await openDesk(`/api/articles/${article.id}/live`, { token: "flt_madeup", origin: null })).res.status).toBe(401);
    });

    it("ignores a member header sent by the client: who is on the socket comes from the session only", async () => {
      const forged = encodeURIComponent(JSON.stringify({ id: people.admin.id, name: "Forged Admin", initials: "FA", role: "admin", scope: "all" }));
      const { exports } = await import("cloudflare:workers");
      const res = await exports.default.fetch(
        new Request(`http://factline.test/api/articles/${article.id}/live`, { headers: { upgrade: "websocket", cookie: people.checker.cookie, origin: "http://factline.test", "x-factline-member": forged } }),
      );
      expect(res.status).toBe(101);
      res.webSocket!.accept();
      const first = await new Promise<LiveServerMessage>((resolve) => res.webSocket!.addEventListener("message", (e) => { const m = JSON.parse(e.data as string); if (m.type === "presence") resolve(m); }));
      res.webSocket!.close();
      expect((first as { people: PresenceEntry[] }).people.map((p) => p.userId)).toEqual([people.checker.id]);
    });
  });

  describe("when access ends", () => {
    const closed = (s: TestSocket) => new Promise<number>((resolve) => (s.ws.readyState === WebSocket.CLOSED ? resolve(-1) : s.ws.addEventListener("close", (e) => resolve(e.code))));

    it("closes the socket of a person who logged out at the next change, and sends it nothing of that change", async () => {
      const editor = await join(people.editor);
      const checker = await join(people.checker);
      await checker.next(presenceOf(2));
      const gone = closed(editor);
      expect((await call("/api/auth/logout", { method: "POST", as: people.editor })).status).toBeLessThan(300);
      const claim = await createClaim("1,200 new computers");
      await checker.next(change("claim.created", claim.id));
      expect(await gone).toBe(4401);
      expect(editor.messages.some(change("claim.created", claim.id))).toBe(false);
      // The others see them leave.
      await checker.next((m) => presence(m) && m.people.every((p) => p.userId !== people.editor.id));
    });

    it("closes every socket of an account an admin disables, and of a revoked API token", async () => {
      const token = await json(await call("/api/auth/tokens", { method: "POST", as: people.editor, body: { name: "live" } }));
      const script = (await openDesk(`/api/articles/${article.id}/live`, { token: token.token, origin: null })).socket!;
      open.push(script);
      const checker2 = await join(people.checker2);
      await checker2.next(presenceOf(2));
      const scriptGone = closed(script);
      const tokens = await json(await call("/api/auth/tokens", { as: people.editor }));
      const mine = tokens.items.find((t: { name: string }) => t.name === "live");
      expect((await call(`/api/auth/tokens/${mine.id}`, { method: "DELETE", as: people.editor })).status).toBeLessThan(300);
      await createClaim("1,200 new computers");
      expect(await scriptGone).toBe(4401);

      const user = (await json(await call("/api/users", { as: people.admin }))).items.find((u: { id: number }) => u.id === people.checker2.id);
      const checker2Gone = closed(checker2);
      expect((await call(`/api/users/${people.checker2.id}`, { method: "PATCH", as: people.admin, body: { version: user.version, disabled: true } })).status).toBe(200);
      await createClaim("no list of schools");
      expect(await checker2Gone).toBe(4401);
    });

    it("keeps the sockets of people whose access did not change", async () => {
      const a = await join(people.checker);
      const b = await join(people.editor);
      await a.next(presenceOf(2));
      const claim = await createClaim("1,200 new computers");
      await a.next(change("claim.created", claim.id));
      await b.next(change("claim.created", claim.id));
      expect([a.ws.readyState, b.ws.readyState]).toEqual([WebSocket.OPEN, WebSocket.OPEN]);
    });
  });

  describe("changes", () => {
    it("sends a claim created through the API to every socket on the article, with ids, version and actor, and none of its content", async () => {
      const a = await join(people.checker);
      const b = await join(people.editor);
      await b.next(presenceOf(2));
      const claim = await createClaim("1,200 new computers");
      const seen = (await b.next(change("claim.created", claim.id))) as LiveEvent;
      expect(seen).toMatchObject({ type: "claim.created", articleId: article.id, claimId: claim.id, version: claim.version, actor: { id: people.checker.id, name: expect.any(String) } });
      expect(Object.keys(seen).sort()).toEqual(["actor", "articleId", "assigneeId", "authorId", "claimId", "seq", "type", "version"]);
      expect(JSON.stringify(seen)).not.toContain("Secret working notes");
      expect(JSON.stringify(seen)).not.toContain("computers");
      await a.next(change("claim.created", claim.id));
    });

    it("announces edits, comments, transitions, deletions and revisions, each numbered one after the other", async () => {
      const watcher = await join(people.editor);
      const welcome = (await watcher.next((m) => m.type === "welcome")) as { seq: number };
      const claim = await createClaim("1,200 new computers");
      const patched = await json(await call(`/api/claims/${claim.id}`, { method: "PATCH", as: people.checker, body: { version: claim.version, ratingKey: "false" } }));
      expect((await watcher.next(change("claim.updated", claim.id))) as LiveEvent).toMatchObject({ version: patched.claim.version });
      expect((await call(`/api/claims/${claim.id}/comments`, { method: "POST", as: people.editor, body: { body: "Which schools?" } })).status).toBe(201);
      await watcher.next(change("comment.created", claim.id));
      const submitted = await json(await call(`/api/claims/${claim.id}/transitions`, { method: "POST", as: people.checker, body: { action: "submit", version: patched.claim.version } }));
      expect((await watcher.next(change("claim.transitioned", claim.id))) as LiveEvent).toMatchObject({ version: submitted.claim.version });
      const draft = await createClaim("no list of schools was published");
      expect((await call(`/api/claims/${draft.id}`, { method: "DELETE", as: people.checker, body: { version: draft.version } })).status).toBe(204);
      await watcher.next(change("claim.deleted", draft.id));
      const revised = await call(`/api/articles/${article.id}`, { method: "PUT", as: people.editor, body: { version: 1, text: `${article.text}\n\nA new closing line.` } });
      expect(revised.status).toBe(201);
      const rev = (await watcher.next(change("article.revised"))) as LiveEvent;
      expect(rev.revision).toBe(2);
      const events = watcher.messages.filter((m): m is LiveEvent => "seq" in m && m.type !== "welcome" && m.type !== "resync");
      expect(events.map((e) => e.type)).toEqual(["claim.created", "claim.updated", "comment.created", "claim.transitioned", "claim.created", "claim.deleted", "article.revised"]);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => welcome.seq + i + 1));
    });

    it("announces nothing for a write refused at a stale version (409)", async () => {
      const watcher = await join(people.editor);
      const claim = await createClaim("1,200 new computers");
      const created = (await watcher.next(change("claim.created", claim.id))) as LiveEvent;
      const stale = await call(`/api/claims/${claim.id}`, { method: "PATCH", as: people.checker, body: { version: claim.version + 5, ratingKey: "false" } });
      expect(stale.status).toBe(409);
      await settle();
      expect(watcher.messages.filter((m) => m.type === "claim.updated")).toEqual([]);
      // The next committed write follows the creation directly: nothing was numbered for the refused one.
      await call(`/api/claims/${claim.id}`, { method: "PATCH", as: people.checker, body: { version: claim.version, ratingKey: "false" } });
      expect(((await watcher.next(change("claim.updated", claim.id))) as LiveEvent).seq).toBe(created.seq + 1);
    });

    it("announces nothing for a write whose D1 batch fails", async () => {
      const watcher = await join(people.editor);
      const claim = await createClaim("1,200 new computers");
      const created = (await watcher.next(change("claim.created", claim.id))) as LiveEvent;
      // A trigger makes the comment's batch fail inside D1, after every check in the Worker passed.
      await env.DB.exec("CREATE TRIGGER live_test_fail BEFORE INSERT ON comments BEGIN SELECT RAISE(ABORT, 'forced failure'); END;");
      try {
        const res = await call(`/api/claims/${claim.id}/comments`, { method: "POST", as: people.editor, body: { body: "This one fails." } });
        expect(res.status).toBe(500);
      } finally {
        await env.DB.exec("DROP TRIGGER live_test_fail;");
      }
      await settle();
      expect(watcher.messages.filter((m) => m.type === "comment.created")).toEqual([]);
      expect((await call(`/api/claims/${claim.id}/comments`, { method: "POST", as: people.editor, body: { body: "This one works." } })).status).toBe(201);
      expect(((await watcher.next(change("comment.created", claim.id))) as LiveEvent).seq).toBe(created.seq + 1);
    });
  });
});
