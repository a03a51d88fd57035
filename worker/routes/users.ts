import { asc, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { roles } from "../../schema/enums";
import { idParam, inviteInput } from "../../schema/inputs";
import { users } from "../../schema/tables";
import type { AppEnv } from "../env";
import { apiError, enforce } from "../http/errors";
import { validate } from "../http/validate";
import { requirePower, requireStaff } from "../middleware/auth";
import { canChangeUser } from "../../schema/workflow";
import { auditInsert, isStaleWrite, versionGuard } from "../queries/audit";
import { inviteUser } from "../queries/users";

const publicColumns = { id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, version: users.version };

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
  .post("/invitations", requirePower("manageUsers"), validate("json", inviteInput), async (c) => {
    const invite = await inviteUser(c.get("db"), c.req.valid("json"), c.get("user")!.id);
    const link = new URL(`/app/#/invite/${invite.token}`, c.req.url).href;
    return c.json({ link, expiresAt: invite.expiresAt }, 201);
  })
  .patch("/:id", requirePower("manageUsers"), validate("param", idParam), validate("json", userUpdateInput), async (c) => {
    const { id } = c.req.valid("param");
    const { version, role, disabled } = c.req.valid("json");
    const actor = c.get("user")!;
    enforce(canChangeUser(actor, { id }, { role, disabled }), "own_account");
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
        auditInsert(db, { actorId: actor.id, action: "user.update", entityType: "user", entityId: id, before, after: change }),
        guard.close,
      ]);
    } catch (err) {
      if (isStaleWrite(err)) throw apiError(409, "stale_version", "Someone changed this user first.", { currentVersion: before.version });
      throw err;
    }
    return c.json({ user: await db.select(publicColumns).from(users).where(eq(users.id, id)).get() });
  });
