import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Role } from "../../schema/enums";
import { sessionCookie, userForApiToken, userForSession } from "../auth/sessions";
import type { Decision } from "../../schema/workflow";
import type { AppEnv, SessionUser } from "../env";
import { apiError } from "../http/errors";

/** Who is asking: a bearer token wins over the cookie; neither means the public. */
export const authenticate = createMiddleware<AppEnv>(async function authenticate(c, next) {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  const cookie = getCookie(c, sessionCookie);
  const db = c.get("db");
  let user = null;
  if (bearer) {
    user = await userForApiToken(db, bearer);
    if (!user) throw apiError(401, "invalid_token", "This API token is not valid: it was revoked, or it has expired.");
  } else if (cookie) {
    user = await userForSession(db, cookie);
  }
  c.set("user", user);
  await next();
});

const unsafe = /^(POST|PUT|PATCH|DELETE)$/;

/**
 * CSRF: a cookie-authenticated write must come from our own origin. hono/csrf checks only form
 * content types; this also covers JSON, and refuses a missing Origin rather than trusting it.
 */
export const sameOriginWrites = createMiddleware<AppEnv>(async function sameOriginWrites(c, next) {
  const user = c.get("user");
  if (user?.via === "session" && unsafe.test(c.req.method)) {
    const origin = c.req.header("origin");
    const fetchSite = c.req.header("sec-fetch-site");
    const sameOrigin = origin ? origin === new URL(c.req.url).origin : fetchSite === "same-origin";
    if (!sameOrigin) throw apiError(403, "csrf", "This request did not come from Factline's own pages.");
  }
  await next();
});

/** Only these roles may pass: 401 for the public, 403 for the wrong role. */
export function requireRole(...allowed: Role[]) {
  return createMiddleware<AppEnv>(async function requireRole(c, next) {
    const user = c.get("user");
    if (!user) throw apiError(401, "unauthenticated", "Log in to do this.");
    if (!allowed.includes(user.role)) throw apiError(403, "forbidden", `This needs the ${allowed.join(" or ")} role.`);
    await next();
  });
}

/** Any signed-in staff member. */
export const requireStaff = requireRole("checker", "editor", "admin");

/** Let through whom a decision of schema/workflow.ts allows: 401 for the public, else 403 with its reason. */
export function requireDecision(decide: (actor: SessionUser | null) => Decision) {
  return createMiddleware<AppEnv>(async function requireDecision(c, next) {
    const user = c.get("user");
    const decision = decide(user);
    if (!decision.ok) {
      if (!user) throw apiError(401, "unauthenticated", "Log in to do this.");
      throw apiError(decision.kind === "forbidden" ? 403 : 409, decision.kind === "forbidden" ? "forbidden" : "conflict", decision.reason);
    }
    await next();
  });
}
