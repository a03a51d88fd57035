import type { Context } from "hono";
import { initialsOf, type LiveDesk } from "../../schema/live";
import { canJoinDesk } from "../../schema/workflow";
import type { AppEnv } from "../env";
import { apiError, enforce } from "../http/errors";
import { memberHeader, memberHeaderValue, type Member } from "./member";

/**
 * Who may open this desk's socket: the same session or token rules as the API (the authenticate
 * middleware ran), the decision of schema/workflow.ts, a real WebSocket upgrade, and for a cookie
 * session our own Origin: a browser sends cookies with a cross-site WebSocket too, and no CORS stops it,
 * so the Origin check is what CSRF protection is for writes.
 */
export function joinDesk(c: Context<AppEnv>, desk: LiveDesk): Member {
  const user = c.get("user");
  if (!user) throw apiError(401, "unauthenticated", "Log in to get live updates.");
  const { scope } = enforce(canJoinDesk(user, desk));
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") throw apiError(426, "upgrade_required", "This is a WebSocket endpoint.", undefined, { Upgrade: "websocket" });
  if (user.via === "session" && c.req.header("origin") !== new URL(c.req.url).origin) {
    throw apiError(403, "csrf", "This connection did not come from Factline's own pages.");
  }
  const id = user.via === "session" ? user.sessionId : user.tokenId;
  if (id === undefined) throw apiError(401, "unauthenticated", "Log in to get live updates.");
  return { id: user.id, name: user.name, initials: initialsOf(user.name), role: user.role, scope, credential: { via: user.via, id } };
}

/**
 * Hand the upgrade to a desk. The forwarded request is built from nothing: only the member header the
 * Worker wrote and the client's last seen sequence number reach the desk.
 */
export async function forwardToDesk(stub: DurableObjectStub, member: Member, since: number | undefined) {
  const url = new URL("https://desk.internal/connect");
  if (since !== undefined) url.searchParams.set("since", String(since));
  const res = await stub.fetch(url, { headers: { upgrade: "websocket", [memberHeader]: memberHeaderValue(member) } });
  if (!res.webSocket) throw new Error(`The desk refused the upgrade (${res.status}).`);
  // A fresh response: the desk's headers are immutable, and our middleware adds its own.
  return new Response(null, { status: 101, webSocket: res.webSocket });
}
