import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { acceptInviteInput, apiTokenInput, idParam, loginInput } from "../../schema/inputs";
import { hashPassword, verifyPassword } from "../auth/crypto";
import { countLoginAttempt, forgiveLoginAttempt } from "../auth/rate-limit";
import { canCreateApiToken } from "../../schema/workflow";
import { createApiToken, createSession, deleteSession, sessionCookie, sessionTtlMs } from "../auth/sessions";
import type { AppEnv } from "../env";
import { apiError, enforce } from "../http/errors";
import { validate } from "../http/validate";
import { requireStaff } from "../middleware/auth";
import { listApiTokens, logOutEverywhere, revokeApiToken } from "../queries/api-tokens";
import { acceptInvitation, findLoginUser } from "../queries/users";

const wrongCredentials = () => apiError(401, "invalid_credentials", "Email or password is wrong.");

/** Verified against when the email is unknown, so a miss costs as much time as a wrong password. */
let decoyHash: Promise<string> | undefined;

export const authRoutes = new Hono<AppEnv>()
  .post("/login", validate("json", loginInput), async (c) => {
    const { email, password } = c.req.valid("json");
    const db = c.get("db");
    const client = c.req.header("cf-connecting-ip") ?? "local";
    const lockedFor = await countLoginAttempt(db, email, client);
    if (lockedFor > 0) {
      throw apiError(429, "rate_limited", "Too many failed logins. Try again later.", { retryAfter: lockedFor }, { "retry-after": String(lockedFor) });
    }
    const user = await findLoginUser(db, email);
    decoyHash ??= hashPassword(crypto.randomUUID());
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
    if (!user || !valid) throw wrongCredentials();
    // The session and the forgiven attempt in one batch: a login that fails half-way counts as a failed one.
    const session = await createSession(db, user.id, Date.now(), [forgiveLoginAttempt(db, email, client)]);
    setCookie(c, sessionCookie, session.token, {
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
      path: "/",
      maxAge: sessionTtlMs / 1000,
    });
    return c.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role }, expiresAt: session.expiresAt });
  })
  .post("/logout", requireStaff, async (c) => {
    const user = c.get("user")!;
    if (user.sessionId) await deleteSession(c.get("db"), user.sessionId);
    deleteCookie(c, sessionCookie, { path: "/", secure: true });
    return c.body(null, 204);
  })
  // Every session ends and every API token is revoked: nothing of this person's stays signed in.
  .post("/logout-everywhere", requireStaff, async (c) => {
    await logOutEverywhere(c.get("db"), c.get("user")!.id);
    deleteCookie(c, sessionCookie, { path: "/", secure: true });
    return c.body(null, 204);
  })
  .get("/me", requireStaff, (c) => {
    const { id, email, name, role } = c.get("user")!;
    return c.json({ user: { id, email, name, role } });
  })
  .post("/invitations/accept", validate("json", acceptInviteInput), async (c) => {
    const { token, password } = c.req.valid("json");
    const { email } = await acceptInvitation(c.get("db"), token, password);
    return c.json({ ok: true, email });
  })
  .get("/tokens", requireStaff, async (c) => c.json({ items: await listApiTokens(c.get("db"), c.get("user")!.id) }))
  .post("/tokens", requireStaff, validate("json", apiTokenInput), async (c) => {
    const user = c.get("user")!;
    const decision = canCreateApiToken(user);
    enforce(decision);
    const { name, expiresInDays } = c.req.valid("json");
    return c.json(await createApiToken(c.get("db"), user.id, name, expiresInDays), 201);
  })
  .delete("/tokens/:id", requireStaff, validate("param", idParam), async (c) => {
    const me = c.get("user")!.id;
    await revokeApiToken(c.get("db"), me, c.req.valid("param").id, me);
    return c.body(null, 204);
  });
