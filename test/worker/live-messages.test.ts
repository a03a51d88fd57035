import { env } from "cloudflare:workers";
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { LiveEvent, LiveServerMessage, PresenceEntry } from "../../schema/live";
import type { ArticleDesk } from "../../worker/live/article-desk";
import { change, settle, useLiveDesk, type TestSocket } from "./live-support";
import { json, type Staff } from "./support";

const desk = useLiveDesk();
const join = (as: Staff, since?: number) => desk.join(as, { since, until: (m) => m.type === "presence" });
const createClaim = (exact: string) => desk.createClaim(exact);


type Presence = { type: "presence"; people: PresenceEntry[] };
const presenceWhere = (ok: (people: PresenceEntry[]) => boolean) => (m: LiveServerMessage): m is Presence => m.type === "presence" && ok(m.people);
const error = (code: string) => (m: LiveServerMessage) => m.type === "error" && m.code === code;


const seqOf = async (s: TestSocket) => ((await s.next((m) => m.type === "welcome")) as { seq: number }).seq;



describe("the article desk's messages", () => {
  it("shares which claim each person has open and what they select", async () => {
    const a = await join(desk.people.checker);
    const b = await join(desk.people.editor);
    a.send({ type: "open-claim", claimId: 7 });
    const opened = await b.next(presenceWhere((p) => p.some((e) => e.userId === desk.people.checker.id && e.openClaim === 7)));
    expect(opened.people.find((e) => e.userId === desk.people.editor.id)?.openClaim).toBeNull();
    a.send({ type: "selecting", from: 4, to: 20 });
    await b.next(presenceWhere((p) => p.some((e) => e.userId === desk.people.checker.id && e.selection?.from === 4 && e.selection.to === 20)));
    a.send({ type: "selecting", from: null, to: null });
    await b.next(presenceWhere((p) => p.some((e) => e.userId === desk.people.checker.id && e.selection === null && e.openClaim === 7)));
  });

  it("answers an unknown type, bad JSON, an invalid field and an oversized frame with an error frame, and keeps the socket", async () => {
    const a = await join(desk.people.checker);
    a.send({ type: "delete-everything" });
    await a.next(error("unknown_type"));
    a.send("{not json");
    await a.next(error("bad_json"));
    a.send({ type: "selecting", from: 9, to: 3 });
    await a.next(error("invalid"));
    a.send({ type: "open-claim", claimId: "1; drop table" });
    expect(a.messages.filter((m) => m.type === "error").length).toBeGreaterThanOrEqual(3);
    a.send({ type: "open-claim", claimId: 1, extra: "x".repeat(600) });
    await a.next(error("too_long"));
    a.send({ type: "open-claim", claimId: 3 });
    await a.next(presenceWhere((p) => p[0]?.openClaim === 3));
  });

  it("answers ping with pong without a handler (the runtime's auto-response)", async () => {
    const a = await join(desk.people.checker);
    const pong = new Promise<string>((resolve) => a.ws.addEventListener("message", (e) => e.data === "pong" && resolve(e.data as string)));
    a.ws.send("ping");
    expect(await pong).toBe("pong");
  });

  it("tells a client that reconnects with an older sequence number to resync, and one that is up to date nothing", async () => {
    const first = await join(desk.people.editor);
    const seen = await seqOf(first);
    first.close();
    await createClaim("1,200 new computers");
    await createClaim("no list of schools was published");
    const watcher = await join(desk.people.checker);
    await settle();
    const now = await seqOf(watcher);
    expect(now).toBe(seen + 2);
    const stale = await join(desk.people.editor, seen);
    expect(await stale.next((m) => m.type === "resync")).toEqual({ type: "resync", seq: now, since: seen });
    const fresh = await join(desk.people.editor, now);
    await settle();
    expect(fresh.messages.filter((m) => m.type === "resync")).toEqual([]);
  });

  it("keeps the sockets and who is on them when the desk is evicted: state comes from attachments and storage, not memory", async () => {
    const a = await join(desk.people.checker);
    const b = await join(desk.people.editor);
    a.send({ type: "open-claim", claimId: 5 });
    await b.next(presenceWhere((p) => p.some((e) => e.openClaim === 5)));
    const stub = env.ARTICLE_DESK.get(env.ARTICLE_DESK.idFromName(`article:${desk.article.id}`));
    const [before, oldInstance] = await runInDurableObject(stub, (desk: ArticleDesk, state) => [state.storage.kv.get<number>("seq") ?? 0, desk] as const);
    await evictDurableObject(stub);
    expect(await runInDurableObject(stub, (desk: ArticleDesk) => desk !== oldInstance)).toBe(true);
    // A fresh instance answers: the sockets survived hibernation, and presence is rebuilt from their attachments.
    b.messages.length = 0;
    a.send({ type: "selecting", from: 1, to: 2 });
    const after = await b.next(presenceWhere((p) => p.length === 2));
    expect(after.people.find((e) => e.userId === desk.people.checker.id)).toMatchObject({ openClaim: 5, selection: { from: 1, to: 2 } });
    expect(after.people.find((e) => e.userId === desk.people.editor.id)).toMatchObject({ openClaim: null });
    const claim = await createClaim("1,200 new computers");
    expect(((await a.next(change("claim.created", claim.id))) as LiveEvent).seq).toBe(before + 1);
  });
});
