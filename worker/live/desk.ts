import { DurableObject } from "cloudflare:workers";
import { signedOutCode, type LiveClientMessage, type LiveDesk, type LiveEvent, type LiveServerMessage } from "../../schema/live";
import { canSendLive } from "../../schema/workflow";
import { getDb } from "../db";
import { credentialKey, liveCredentialsValid } from "../queries/live-access";
import { parseClientMessage } from "./client-message";
import { readMember, type Member } from "./member";

/** What a socket carries through hibernation: who is on it, and what they are doing. */
export interface SocketState extends Member {
  connection: string;
  openClaim: number | null;
  selection: { from: number; to: number } | null;
}

const seqKey = "seq";
/** Between changes, the sockets' sessions are re-checked at most this often (a change always re-checks). */
const recheckMs = 15_000;

/**
 * A live desk on the WebSocket Hibernation API: sockets are accepted by the runtime, not held by us,
 * so an idle desk is evicted from memory and wakes for the next message or change. Nothing lives in
 * fields: who is on a socket is its attachment, the sequence number is in storage.
 */
export abstract class Desk extends DurableObject<Env> {
  protected abstract readonly desk: LiveDesk;
  /** When the sockets' credentials were last checked (memory only: a desk woken from hibernation checks again). */
  private checkedAt = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Keep-alive pings are answered by the runtime without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  /** The upgrade, forwarded by the Worker after it authenticated the caller (worker/live/upgrade.ts). */
  async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return new Response("Expected a WebSocket upgrade.", { status: 426 });
    const member = readMember(request.headers);
    if (!member) return new Response("No member.", { status: 400 });
    const [client, server] = Object.values(new WebSocketPair());
    const state: SocketState = { ...member, connection: crypto.randomUUID().slice(0, 8), openClaim: null, selection: null };
    await this.admit(false);
    this.ctx.acceptWebSocket(server, [`user:${member.id}`]);
    server.serializeAttachment(state);
    const seq = this.seq();
    send(server, { type: "welcome", seq, connection: state.connection });
    // The client's last seen number: anything else means it missed changes (or the desk's storage is new), so it re-reads.
    const since = new URL(request.url).searchParams.get("since");
    if (since !== null && Number(since) !== seq) send(server, { type: "resync", seq, since: Number(since) });
    this.joined(server);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** RPC from the Worker, after a write committed in D1: number the change and pass it on. */
  async notify(change: Omit<LiveEvent, "seq">): Promise<number> {
    const seq = this.seq() + 1;
    this.ctx.storage.kv.put(seqKey, seq);
    const event: LiveEvent = { ...change, seq };
    const frame = JSON.stringify(event);
    await this.admit(true);
    for (const [ws, state] of this.members()) if (this.receives(state, event)) sendRaw(ws, frame);
    return seq;
  }

  async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    const state = attachment(ws);
    if (!state) return ws.close(1011, "Lost track of this connection; reconnect.");
    await this.admit(false);
    if (ws.readyState !== WebSocket.OPEN) return;
    const message = parseClientMessage(data);
    if ("error" in message) return send(ws, { type: "error", code: message.error, message: message.message });
    const decision = canSendLive(state, this.desk, message.type);
    if (!decision.ok) return send(ws, { type: "error", code: decision.kind, message: decision.reason });
    this.received(ws, state, message.value);
  }

  async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, "Bye.");
    } catch {
      // Already closed.
    }
    this.left(ws);
  }

  async webSocketError(ws: WebSocket): Promise<void> {
    this.left(ws);
  }

  /**
   * Close the sockets whose session ended or expired, whose API token was revoked, whose account was
   * disabled or whose role changed since they joined: logging out, "log out everywhere" and an admin's
   * disabling reach open sockets too. Always before a change goes out; otherwise at most every `recheckMs`.
   * If D1 cannot be read, the sockets stay (a lost check costs nothing that the API would not also refuse).
   */
  private async admit(always: boolean) {
    const now = Date.now();
    if (!always && now - this.checkedAt < recheckMs) return;
    const open = this.members();
    this.checkedAt = now;
    if (open.length === 0) return;
    let valid: Set<string>;
    try {
      valid = await liveCredentialsValid(getDb(this.env.DB), open.map(([, s]) => s), now);
    } catch (err) {
      console.error("live desk: could not re-check sessions", err);
      return;
    }
    for (const [ws, state] of open) {
      if (valid.has(credentialKey(state))) continue;
      try {
        ws.close(signedOutCode, "Signed out: log in again for live updates.");
      } catch {
        // Already closing.
      }
      this.left(ws);
    }
  }

  /** The desk's sequence number: how many changes it has announced. */
  protected seq(): number {
    return this.ctx.storage.kv.get<number>(seqKey) ?? 0;
  }

  /** Open sockets other than `except`, with their state. */
  protected members(except?: WebSocket): [WebSocket, SocketState][] {
    return this.ctx
      .getWebSockets()
      .filter((ws) => ws !== except && ws.readyState === WebSocket.OPEN)
      .flatMap((ws) => {
        const state = attachment(ws);
        return state ? [[ws, state] as [WebSocket, SocketState]] : [];
      });
  }

  /** Does this socket get this change? */
  protected abstract receives(state: SocketState, event: LiveEvent): boolean;
  /** A socket joined. */
  protected joined(_ws: WebSocket): void {}
  /** A socket left. */
  protected left(_ws: WebSocket): void {}
  /** A valid message the sender may send. */
  protected received(_ws: WebSocket, _state: SocketState, _message: LiveClientMessage): void {}
}

/** The state a socket carries, or null for one we did not accept. */
export function attachment(ws: WebSocket): SocketState | null {
  return (ws.deserializeAttachment() as SocketState | null) ?? null;
}

/** Send one message; a socket that is closing just misses it (the client resyncs). */
export function send(ws: WebSocket, message: LiveServerMessage) {
  sendRaw(ws, JSON.stringify(message));
}

function sendRaw(ws: WebSocket, frame: string) {
  try {
    ws.send(frame);
  } catch {
    // Closing: its close handler tidies up.
  }
}
