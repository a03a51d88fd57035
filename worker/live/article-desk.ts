import type { LiveClientMessage, LiveEvent, PresenceEntry } from "../../schema/live";
import { Desk, send, type SocketState } from "./desk";

/**
 * One article's desk (idFromName(`article:<id>`)): who has it open, which claim each has open and what
 * they are selecting, and every committed change to its claims, comments and revisions.
 */
export class ArticleDesk extends Desk {
  protected readonly desk = "article" as const;

  /** Every staff member on the article reads all of its claims (as the API lets them), so every change goes to everyone. */
  protected receives(_state: SocketState, _event: LiveEvent): boolean {
    return true;
  }

  protected joined(): void {
    this.broadcastPresence();
  }

  protected left(ws: WebSocket): void {
    this.broadcastPresence(ws);
  }

  protected received(ws: WebSocket, state: SocketState, message: LiveClientMessage): void {
    const next: SocketState =
      message.type === "open-claim"
        ? { ...state, openClaim: message.claimId }
        : { ...state, selection: message.from === null ? null : { from: message.from, to: message.to! } };
    ws.serializeAttachment(next);
    this.broadcastPresence();
  }

  /** Tell every open socket who is here; `leaving` is a socket that is closing. */
  private broadcastPresence(leaving?: WebSocket) {
    const members = this.members(leaving);
    const people: PresenceEntry[] = members.map(([, s]) => ({ connection: s.connection, userId: s.id, name: s.name, initials: s.initials, openClaim: s.openClaim, selection: s.selection }));
    for (const [ws] of members) send(ws, { type: "presence", people });
  }
}
