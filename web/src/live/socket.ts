/**
 * A live desk's socket: it reconnects with backoff, tells the desk the last change it saw (so the desk
 * can say "resync" after a gap), keeps itself alive with pings the runtime answers, and says when it
 * is down. It never holds data: every change is re-read through the API.
 */
import type { LiveClientMessage, LiveEvent, LiveServerMessage, PresenceEntry } from "../../../schema/live";
import { signedOutCode } from "../../../schema/live-close";

/**
 * connecting: first attempt; live: open; paused: down, retrying; signed-out: the desk closed the socket because
 * the access behind it ended (no retry until the person asks); unavailable: this browser has no WebSocket.
 */
export type LiveState = "connecting" | "live" | "paused" | "signed-out" | "unavailable";

export interface DeskHandlers {
  onEvent?(event: LiveEvent): void;
  onPresence?(people: PresenceEntry[]): void;
  /** Connected: `first` is the first connection of this page, which may follow the page's own load. */
  onWelcome?(first: boolean): void;
  /** The desk numbered changes this client never got: re-read from the API. */
  onResync?(): void;
  onState?(state: LiveState): void;
}

/** An open (or reopening) desk connection. */
export interface DeskConnection {
  send(message: LiveClientMessage): void;
  /** Try again now (the Refresh button, the browser back online). */
  reconnect(): void;
  close(): void;
  /** This socket's id on the desk, to tell oneself apart in presence lists. */
  connection(): string | null;
}

const pingMs = 25_000;
const firstRetryMs = 1_000;
const maxRetryMs = 30_000;

/** Wait before reconnect attempt `failures`: doubling from 1 s to 30 s, with ±25 % jitter so a newsroom does not reconnect in step. */
export function reconnectDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(maxRetryMs, firstRetryMs * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** Open the desk at `/api<path>` (e.g. `/articles/3/live`). */
export function connectDesk(path: string, handlers: DeskHandlers): DeskConnection {
  let ws: WebSocket | null = null;
  let lastSeq: number | null = null;
  let failures = 0;
  let connections = 0;
  let me: string | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let ping: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  /** The desk said the access behind the socket ended: only the person's own "refresh" tries again. */
  let signedOut = false;
  const setState = (s: LiveState) => handlers.onState?.(s);

  if (typeof WebSocket === "undefined") {
    setState("unavailable");
    return { send: () => undefined, reconnect: () => undefined, close: () => undefined, connection: () => null };
  }

  const url = () => {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    return `${scheme}//${location.host}/api${path}${lastSeq === null ? "" : `?since=${lastSeq}`}`;
  };

  function handle(m: LiveServerMessage) {
    switch (m.type) {
      case "welcome":
        me = m.connection;
        // A first connection starts from now; a reconnection keeps its number and lets the desk judge the gap.
        if (lastSeq === null) lastSeq = m.seq;
        handlers.onWelcome?.(++connections === 1);
        return;
      case "resync":
        lastSeq = m.seq;
        handlers.onResync?.();
        return;
      case "presence":
        handlers.onPresence?.(m.people);
        return;
      case "error":
        console.warn("live desk:", m.code, m.message);
        return;
      default:
        lastSeq = Math.max(lastSeq ?? 0, m.seq);
        handlers.onEvent?.(m);
    }
  }

  function open() {
    clearTimeout(retry);
    if (closed) return;
    setState(connections === 0 && failures === 0 ? "connecting" : "paused");
    let socket: WebSocket;
    try {
      socket = new WebSocket(url());
    } catch {
      return scheduleRetry();
    }
    ws = socket;
    socket.addEventListener("open", () => {
      failures = 0;
      setState("live");
      ping = setInterval(() => socket.readyState === WebSocket.OPEN && socket.send("ping"), pingMs);
    });
    socket.addEventListener("message", (e) => {
      if (typeof e.data !== "string" || e.data === "pong") return;
      try {
        handle(JSON.parse(e.data) as LiveServerMessage);
      } catch (err) {
        console.warn("live desk: unreadable message", err);
      }
    });
    socket.addEventListener("close", (e) => {
      clearInterval(ping);
      if (ws !== socket) return;
      ws = null;
      me = null;
      if (closed) return;
      // Every reconnection would be refused until the person logs in again: wait for them to ask.
      if (e.code === signedOutCode) {
        signedOut = true;
        return setState("signed-out");
      }
      scheduleRetry();
    });
  }

  function scheduleRetry() {
    failures++;
    setState("paused");
    retry = setTimeout(open, reconnectDelay(failures));
  }

  const now = () => {
    if (!closed && !signedOut && (!ws || ws.readyState === WebSocket.CLOSED)) open();
  };
  const onVisible = () => document.visibilityState === "visible" && now();
  const onAsked = () => {
    signedOut = false;
    now();
  };
  window.addEventListener("online", now);
  document.addEventListener("visibilitychange", onVisible);
  open();

  return {
    send(message) {
      if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    },
    reconnect: onAsked,
    close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(ping);
      window.removeEventListener("online", now);
      document.removeEventListener("visibilitychange", onVisible);
      ws?.close(1000, "view closed");
      ws = null;
    },
    connection: () => me,
  };
}
