import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { acceptInviteInput, apiTokenInput, idParam, loginInput } from "../../schema/inputs";
import { invitations, users, writeGuards } from "../../schema/tables";
import { hashPassword, sha256Hex, verifyPassword } from "../auth/crypto";
import { countLoginAttempt, forgiveLoginAttempt } from "../auth/rate-limit";
import { canCreateApiToken } from "../../schema/workflow";
import { createApiToken, createSession, deleteSession, sessionCookie, sessionTtlMs } from "../auth/sessions";
import type { AppEnv } from "../env";
import { apiError } from "../http/errors";
import { validate } from "../http/validate";
import { requireStaff } from "../middleware/auth";
import { listApiTokens, logOutEverywhere, revokeApiToken } from "../queries/api-tokens";
import { auditInsert, guardCount, isStaleWrite } from "../queries/audit";

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
    const user = await db.select().from(users).where(and(eq(users.email, email.toLowerCase()), isNull(users.disabledAt))).get();
    decoyHash ??= hashPassword(crypto.randomUUID());
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
    if (!user || !valid) throw wrongCredentials();
    await forgiveLoginAttempt(db, email, client);
    const session = await createSession(db, user.id);
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
    const db = c.get("db");
    const invite = await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.tokenHash, await sha256Hex(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date().toISOString())))
      .get();
    if (!invite) throw apiError(400, "invalid_invitation", "This invitation link is not valid, was used already, or has expired.");
    const passwordHash = await hashPassword(password);
    // Guards (see writeGuards): the invitation is still unused and the account still has no password,
    // so two clicks on one link, or a second link for the same person, cannot reset a password.
    const stillOpen = db
      .insert(writeGuards)
      .select(
        db
          .select({ ok: guardCount() })
          .from(invitations)
          .innerJoin(users, eq(users.email, invitations.email))
          .where(and(eq(invitations.id, invite.id), isNull(invitations.acceptedAt), isNull(users.passwordHash))),
      );
    try {
      await db.batch([
        stillOpen,
        db.update(users).set({ passwordHash, version: sql`${users.version} + 1` }).where(eq(users.email, invite.email)),
        db.update(invitations).set({ acceptedAt: new Date().toISOString() }).where(eq(invitations.id, invite.id)),
        auditInsert(db, { actorId: null, action: "invitation.accept", entityType: "invitation", entityId: invite.id }),
        db.delete(writeGuards),
      ]);
    } catch (err) {
      if (isStaleWrite(err)) throw apiError(400, "invalid_invitation", "This invitation link is not valid, was used already, or has expired.");
      throw err;
    }
    return c.json({ ok: true, email: invite.email });
  })
  .get("/tokens", requireStaff, async (c) => c.json({ items: await listApiTokens(c.get("db"), c.get("user")!.id) }))
  .post("/tokens", requireStaff, validate("json", apiTokenInput), async (c) => {
    const user = c.get("user")!;
    const decision = canCreateApiToken(user);
    if (!decision.ok) throw apiError(403, "forbidden", decision.reason);
    const { name, expiresInDays } = c.req.valid("json");
    return c.json(await createApiToken(c.get("db"), user.id, name, expiresInDays), 201);
  })
  .delete("/tokens/:id", requireStaff, validate("param", idParam), async (c) => {
    const me = c.get("user")!.id;
    await revokeApiToken(c.get("db"), me, c.req.valid("param").id, me);
    return c.body(null, 204);
  });
