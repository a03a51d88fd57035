import { Hono } from "hono";
import { idParam, inviteInput, userTokenParam, userUpdateInput } from "../../schema/inputs";
import { canChangeUser, canManageApiTokens, canUnlockLogin } from "../../schema/workflow";
import type { AppEnv } from "../env";
import { enforce } from "../http/errors";
import { validate } from "../http/validate";
import { requirePower, requireStaff } from "../middleware/auth";
import { listApiTokens, revokeApiToken } from "../queries/api-tokens";
import { inviteUser, listUsers, unlockUserLogin, updateUser } from "../queries/users";

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
  })
  // After a login lockout: the account's failed logins are forgotten, so its owner may try again at once.
  .post("/:id/unlock", requirePower("manageUsers"), validate("param", idParam), async (c) => {
    const actor = c.get("user")!;
    enforce(canUnlockLogin(actor));
    const { id, email, name } = await unlockUserLogin(c.get("db"), c.req.valid("param").id, actor.id);
    return c.json({ user: { id, email, name } });
  })
  .get("/:id/tokens", requireStaff, validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    enforce(canManageApiTokens(c.get("user")!, id));
    return c.json({ items: await listApiTokens(c.get("db"), id) });
  })
  .delete("/:id/tokens/:tokenId", requireStaff, validate("param", userTokenParam), async (c) => {
    const { id, tokenId } = c.req.valid("param");
    const actor = c.get("user")!;
    enforce(canManageApiTokens(actor, id));
    await revokeApiToken(c.get("db"), id, tokenId, actor.id);
    return c.body(null, 204);
  });
