import { Hono } from "hono";
import { idParam, inviteInput, userUpdateInput } from "../../schema/inputs";
import { canChangeUser } from "../../schema/workflow";
import type { AppEnv } from "../env";
import { enforce } from "../http/errors";
import { validate } from "../http/validate";
import { requirePower, requireStaff } from "../middleware/auth";
import { inviteUser, listUsers, updateUser } from "../queries/users";

export const userRoutes = new Hono<AppEnv>()
  // Staff see each other's names and roles: editors assign claims to checkers.
  .get("/", requireStaff, async (c) => c.json({ items: await listUsers(c.get("db")) }))
  .post("/invitations", requirePower("manageUsers"), validate("json", inviteInput), async (c) => {
    const invite = await inviteUser(c.get("db"), c.req.valid("json"), c.get("user")!.id);
    const link = new URL(`/app/#/invite/${invite.token}`, c.req.url).href;
    return c.json({ link, expiresAt: invite.expiresAt }, 201);
  })
  .patch("/:id", requirePower("manageUsers"), validate("param", idParam), validate("json", userUpdateInput), async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const actor = c.get("user")!;
    enforce(canChangeUser(actor, { id }, input), "own_account");
    return c.json({ user: await updateUser(c.get("db"), id, input, actor.id) });
  });
