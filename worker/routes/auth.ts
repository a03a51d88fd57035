import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { acceptInviteInput, apiTokenInput, idParam, loginInput } from "../../schema/inputs";
import { apiTokens, invitations, users, writeGuards } from "../../schema/tables";
import { hashPassword, sha256Hex, verifyPassword } from "../auth/crypto";
import { countLoginAttempt, forgiveLoginAttempt } from "../auth/rate-limit";
import { createApiToken, createSession, deleteSession, deleteUserSessions, sessionCookie, sessionTtlMs } from "../auth/sessions";
import type { AppEnv } from "../env";
import { apiError } from "../http/errors";
import { validate } from "../http/validate";
import { requireStaff } from "../middleware/auth";
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
  .post("/logout-everywhere", requireStaff, async (c) => {
    await deleteUserSessions(c.get("db"), c.get("user")!.id);
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
  .get("/tokens", requireStaff, async (c) => {
    const rows = await c
      .get("db")
      .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(eq(apiTokens.userId, c.get("user")!.id));
    return c.json({ items: rows });
  })
  .post("/tokens", requireStaff, validate("json", apiTokenInput), async (c) => {
    const created = await createApiToken(c.get("db"), c.get("user")!.id, c.req.valid("json").name);
    return c.json(created, 201);
  })
  .delete("/tokens/:id", requireStaff, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const result = await c
      .get("db")
      .update(apiTokens)
      .set({ revokedAt: new Date().toISOString() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, c.get("user")!.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (result.length === 0) throw apiError(404, "not_found", `You have no active token ${id}.`);
    return c.body(null, 204);
  });
