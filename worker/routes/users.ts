import { asc, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { roles } from "../../schema/enums";
import { idParam, inviteInput, userTokenParam } from "../../schema/inputs";
import { canManageApiTokens, type Actor } from "../../schema/workflow";
import { endAllAccess } from "../auth/sessions";
import { listApiTokens, revokeApiToken } from "../queries/api-tokens";
import { users } from "../../schema/tables";
import type { AppEnv } from "../env";
import { apiError } from "../http/errors";
import { validate } from "../http/validate";
import { requireRole, requireStaff } from "../middleware/auth";
import { auditInsert, isStaleWrite, versionGuard } from "../queries/audit";
import { inviteUser } from "../queries/users";

const publicColumns = { id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, version: users.version };

/** 403 unless `actor` may manage the API tokens of user `ownerId`. */
function mustManageTokens(actor: Actor, ownerId: number) {
  const decision = canManageApiTokens(actor, ownerId);
  if (!decision.ok) throw apiError(403, "forbidden", decision.reason);
}

const userUpdateInput = z.object({
  version: z.number().int().positive(),
  role: z.enum(roles).optional(),
  disabled: z.boolean().optional(),
});

export const userRoutes = new Hono<AppEnv>()
  // Staff see each other's names and roles: editors assign claims to checkers.
  .get("/", requireStaff, async (c) => {
    const items = await c.get("db").select(publicColumns).from(users).orderBy(asc(users.name));
    return c.json({ items });
  })
  .post("/invitations", requireRole("admin"), validate("json", inviteInput), async (c) => {
    const invite = await inviteUser(c.get("db"), c.req.valid("json"), c.get("user")!.id);
    const link = new URL(`/app/#/invite/${invite.token}`, c.req.url).href;
    return c.json({ link, expiresAt: invite.expiresAt }, 201);
  })
  .patch("/:id", requireRole("admin"), validate("param", idParam), validate("json", userUpdateInput), async (c) => {
    const { id } = c.req.valid("param");
    const { version, role, disabled } = c.req.valid("json");
    const actor = c.get("user")!;
    if (id === actor.id && (role !== undefined || disabled)) {
      throw apiError(409, "own_account", "Admins cannot change their own role or disable themselves.");
    }
    const db = c.get("db");
    const before = await db.select(publicColumns).from(users).where(eq(users.id, id)).get();
    if (!before) throw apiError(404, "not_found", `User ${id} does not exist.`);
    const change = {
      ...(role ? { role } : {}),
      ...(disabled === undefined ? {} : { disabledAt: disabled ? new Date().toISOString() : null }),
    };
    const guard = versionGuard(db, users, id, version);
    try {
      await db.batch([
        guard.open,
        db.update(users).set({ ...change, version: sql`${users.version} + 1` }).where(eq(users.id, id)),
        // Disabling ends every session and token now, so enabling the account later revives none of them.
        ...(disabled ? endAllAccess(db, id) : []),
        auditInsert(db, { actorId: actor.id, action: "user.update", entityType: "user", entityId: id, before, after: change }),
        guard.close,
      ]);
    } catch (err) {
      if (isStaleWrite(err)) throw apiError(409, "stale_version", "Someone changed this user first.", { currentVersion: before.version });
      throw err;
    }
    return c.json({ user: await db.select(publicColumns).from(users).where(eq(users.id, id)).get() });
  })
  .get("/:id/tokens", requireStaff, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    mustManageTokens(c.get("user")!, id);
    return c.json({ items: await listApiTokens(c.get("db"), id) });
  })
  .delete("/:id/tokens/:tokenId", requireStaff, validate("param", userTokenParam), async (c) => {
    const { id, tokenId } = c.req.valid("param");
    const actor = c.get("user")!;
    mustManageTokens(actor, id);
    await revokeApiToken(c.get("db"), id, tokenId, actor.id);
    return c.body(null, 204);
  });
