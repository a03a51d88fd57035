import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { call, json, signInStaff, type Staff } from "./support";

let checker: Staff, checker2: Staff, editor: Staff, admin: Staff;

beforeEach(async () => {
  ({ checker, checker2, editor, admin } = await signInStaff());
});

const day = 24 * 60 * 60 * 1000;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const me = (headers: Record<string, string>) => call("/api/auth/me", { headers });
const newToken = async (as: Staff, body: Record<string, unknown> = { name: "script" }) => {
  const res = await call("/api/auth/tokens", { method: "POST", as, body });
  expect(res.status).toBe(201);
  return json<{ id: number; token: string; expiresAt: string }>(res);
};

describe("accounts", () => {
  describe("API tokens", () => {
    it("expire 90 days after creation by default, or after the days chosen, up to a year", async () => {
      const before = Date.now();
      const standard = await newToken(checker);
      expect(Date.parse(standard.expiresAt) - before).toBeGreaterThanOrEqual(90 * day - 60_000);
      expect(Date.parse(standard.expiresAt) - before).toBeLessThanOrEqual(90 * day + 60_000);
      const week = await newToken(checker, { name: "week", expiresInDays: 7 });
      expect(Math.round((Date.parse(week.expiresAt) - before) / day)).toBe(7);
      const tooLong = await call("/api/auth/tokens", { method: "POST", as: checker, body: { name: "forever", expiresInDays: 366 } });
      expect(tooLong.status).toBe(400);
      const { items } = await json(await call("/api/auth/tokens", { as: checker }));
      expect(items.map((t: { expiresAt: string }) => t.expiresAt).sort()).toEqual([standard.expiresAt, week.expiresAt].sort());
    });

    it("stop working once expired", async () => {
      const { token, id } = await newToken(checker);
      expect((await me(bearer(token))).status).toBe(200);
      await env.DB.prepare("update api_tokens set expires_at = ? where id = ?").bind(new Date(Date.now() - 1000).toISOString(), id).run();
      const res = await me(bearer(token));
      expect(res.status).toBe(401);
      expect((await json(res)).error.message).toMatch(/expired/);
    });

    it("cannot mint more tokens, and say why", async () => {
      const { token } = await newToken(checker);
      const res = await call("/api/auth/tokens", { method: "POST", headers: bearer(token), body: { name: "child" } });
      expect(res.status).toBe(403);
      expect((await json(res)).error.message).toMatch(/API token cannot create/);
      expect((await env.DB.prepare("select count(*) as n from api_tokens").first<{ n: number }>())!.n).toBe(1);
    });

    it("end with log out everywhere, and only that user's", async () => {
      const mine = await newToken(checker);
      const theirs = await newToken(checker2);
      expect((await call("/api/auth/logout-everywhere", { method: "POST", as: checker })).status).toBe(204);
      expect((await me(bearer(mine.token))).status).toBe(401);
      expect((await me(bearer(theirs.token))).status).toBe(200);
    });

    it("are listed and revoked by an admin for any user; nobody else sees another's", async () => {
      const { id, token } = await newToken(checker);
      const listed = await call(`/api/users/${checker.id}/tokens`, { as: admin });
      expect(listed.status).toBe(200);
      const { items } = await json(listed);
      expect(items).toEqual([expect.objectContaining({ id, name: "script", revokedAt: null })]);
      expect(JSON.stringify(items)).not.toContain(token);
      expect(items[0]).not.toHaveProperty("tokenHash");
      for (const who of [editor, checker2]) expect((await call(`/api/users/${checker.id}/tokens`, { as: who })).status).toBe(403);

      expect((await call(`/api/users/${checker.id}/tokens/${id}`, { method: "DELETE", as: editor })).status).toBe(403);
      expect((await call(`/api/users/${checker.id}/tokens/${id}`, { method: "DELETE", as: admin })).status).toBe(204);
      expect((await me(bearer(token))).status).toBe(401);
      const audit = await env.DB.prepare("select actor_id as actor from audit_events where action = 'token.revoke'").first<{ actor: number }>();
      expect(audit).toEqual({ actor: admin.id });
    });

    it("and sessions of a disabled user end, and stay ended when the user is enabled again", async () => {
      const { token } = await newToken(checker);
      const user = async () => (await json(await call("/api/users", { as: admin }))).items.find((u: { id: number }) => u.id === checker.id);
      const disable = await call(`/api/users/${checker.id}`, { method: "PATCH", as: admin, body: { version: (await user()).version, disabled: true } });
      expect(disable.status).toBe(200);
      expect((await call(`/api/users/${checker.id}`, { method: "PATCH", as: admin, body: { version: (await user()).version, disabled: false } })).status).toBe(200);
      expect((await call("/api/auth/me", { as: checker })).status).toBe(401);
      expect((await me(bearer(token))).status).toBe(401);
      const left = await env.DB.prepare("select (select count(*) from sessions where user_id = ?1) s, (select count(*) from api_tokens where user_id = ?1 and revoked_at is null) t").bind(checker.id).first();
      expect(left).toEqual({ s: 0, t: 0 });
    });
  });
});
