import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { may, type RolePower } from "../../schema/workflow";
import { sessionCookie, userForApiToken, userForSession } from "../auth/sessions";
import type { Decision } from "../../schema/workflow";
import type { AppEnv, SessionUser } from "../env";
import { apiError, enforce } from "../http/errors";

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

/** Any signed-in staff member: 401 for the public. */
export const requireStaff = createMiddleware<AppEnv>(async function requireStaff(c, next) {
  if (!c.get("user")) throw apiError(401, "unauthenticated", "Log in to do this.");
  await next();
});

/** Only staff with this power (schema/workflow.ts decides): 401 for the public, 403 for the others. */
export function requirePower(power: RolePower) {
  return createMiddleware<AppEnv>(async function requirePower(c, next) {
    const user = c.get("user");
    if (!user) throw apiError(401, "unauthenticated", "Log in to do this.");
    enforce(may(user, power));
    await next();
  });
}

/** Let through whom a decision of schema/workflow.ts allows: 401 for the public, else 403 or 409 with its reason. */
export function requireDecision(decide: (actor: SessionUser | null) => Decision) {
  return createMiddleware<AppEnv>(async function requireDecision(c, next) {
    const user = c.get("user");
    const decision = decide(user);
    if (!decision.ok && !user) throw apiError(401, "unauthenticated", "Log in to do this.");
    enforce(decision);
    await next();
  });
}
