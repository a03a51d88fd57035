import { exports } from "cloudflare:workers";
import { afterEach, beforeEach, expect } from "vitest";
import type { LiveServerMessage } from "../../schema/live";
import { call, importArticle, json, origin, sampleArticle, selectorFor, signInStaff, type Staff, type Who } from "./support";

/** A client socket on a live desk, with every message it received and a way to wait for the next. */
export interface TestSocket {
  ws: WebSocket;
  messages: LiveServerMessage[];
  /** Resolve with the first message (already received or still to come) that `match` accepts. */
  next<T extends LiveServerMessage>(match: (m: LiveServerMessage) => m is T, timeoutMs?: number): Promise<T>;
  next(match: (m: LiveServerMessage) => boolean, timeoutMs?: number): Promise<LiveServerMessage>;
  send(message: unknown): void;
  close(): void;
}

export interface OpenOptions {
  as?: Staff | null;
  token?: string;
  origin?: string | null;
  since?: number;
  upgrade?: boolean;
}

/** Ask for a desk's socket the way a browser does (cookie, Origin, Upgrade); the response, and its socket when it got one. */
export async function openDesk(path: string, options: OpenOptions = {}): Promise<{ res: Response; socket: TestSocket | null }> {
  const headers = new Headers();
  if (options.upgrade !== false) headers.set("upgrade", "websocket");
  if (options.as) headers.set("cookie", options.as.cookie);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  const sentOrigin = options.origin === undefined ? origin : options.origin;
  if (sentOrigin) headers.set("origin", sentOrigin);
  const url = `${origin}${path}${options.since === undefined ? "" : `?since=${options.since}`}`;
  const res = await exports.default.fetch(new Request(url, { headers }));
  if (res.status !== 101 || !res.webSocket) return { res, socket: null };
  return { res, socket: watch(res.webSocket) };
}

function watch(ws: WebSocket): TestSocket {
  const messages: LiveServerMessage[] = [];
  const waiters: { match: (m: LiveServerMessage) => boolean; resolve: (m: LiveServerMessage) => void }[] = [];
  ws.accept();
  ws.addEventListener("message", (e) => {
    // "pong" answers our "ping" (the runtime's auto-response); every other frame is JSON.
    if (e.data === "pong") return;
    const m = JSON.parse(e.data as string) as LiveServerMessage;
    messages.push(m);
    for (const w of [...waiters]) {
      if (w.match(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  return {
    ws,
    messages,
    next(match: (m: LiveServerMessage) => boolean, timeoutMs = 5000) {
      const seen = messages.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise<LiveServerMessage>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching message in ${timeoutMs} ms; got ${JSON.stringify(messages)}`)), timeoutMs);
        waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    send: (message) => ws.send(typeof message === "string" ? message : JSON.stringify(message)),
    close: () => ws.close(1000, "test done"),
  } as TestSocket;
}

/** Is this message a change of this type (optionally for this claim)? */
export const change = (type: string, claimId?: number) => (m: LiveServerMessage) => m.type === type && (claimId === undefined || ("claimId" in m && m.claimId === claimId));

/** Wait a little for messages that must not come. */
export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

/**
 * The live tests' shared world: staff signed in and a sample article imported before each test, every
 * socket opened through `join`/`joinQueue` closed after it.
 */
export interface LiveDeskWorld {
  people: Record<Exclude<Who, "public">, Staff>;
  article: { id: number; text: string };
  open: TestSocket[];
  join(as: Staff, options?: { since?: number; until?: (m: LiveServerMessage) => boolean }): Promise<TestSocket>;
  joinQueue(as: Staff): Promise<TestSocket>;
  createClaim(exact: string, as?: Staff, extra?: Record<string, unknown>): Promise<{ id: number; version: number }>;
}

export function useLiveDesk(): LiveDeskWorld {
  const world: LiveDeskWorld = {
    people: {} as Record<Exclude<Who, "public">, Staff>,
    article: { id: 0, text: "" },
    open: [] as TestSocket[],
    /** Join the article's desk and wait for `until` (by default the welcome). */
    async join(as: Staff, options: { since?: number; until?: (m: LiveServerMessage) => boolean } = {}) {
      const { res, socket } = await openDesk(`/api/articles/${world.article.id}/live`, { as, since: options.since });
      expect(res.status).toBe(101);
      world.open.push(socket!);
      await socket!.next(options.until ?? ((m) => m.type === "welcome"));
      return socket!;
    },
    /** Join the review queue's desk and wait for its welcome. */
    async joinQueue(as: Staff) {
      const { res, socket } = await openDesk("/api/queue/live", { as });
      expect(res.status).toBe(101);
      world.open.push(socket!);
      await socket!.next((m) => m.type === "welcome");
      return socket!;
    },
    /** A claim on the first `exact` of the article, through the API. */
    async createClaim(exact: string, as = world.people.checker, extra: Record<string, unknown> = {}) {
      const res = await call(`/api/articles/${world.article.id}/claims`, { method: "POST", as, body: { selector: selectorFor(world.article.text, exact), ...extra } });
      expect(res.status).toBe(201);
      return (await json(res)).claim as { id: number; version: number };
    },
  };
  beforeEach(async () => {
    world.people = await signInStaff();
    world.article = await importArticle(sampleArticle, world.people.checker);
  });
  afterEach(() => {
    for (const s of world.open) s.close();
    world.open = [];
  });
  return world;
}
