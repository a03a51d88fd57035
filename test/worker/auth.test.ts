import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { sessionCookie } from "../../worker/auth/sessions";
import { loginLimit } from "../../worker/auth/rate-limit";
import { seedDemoAccounts } from "../../worker/queries/users";
import { hashPassword, verifyPassword } from "../../worker/auth/crypto";
import { call, db, json, origin, signInStaff, resetDatabase, testPassword, type Staff } from "./support";

const password = testPassword;
let checker: Staff;
let admin: Staff;

beforeEach(async () => {
  ({ checker, admin } = await signInStaff());
});

const login = (email: string, pw: string, headers: Record<string, string> = {}) =>
  call("/api/auth/login", { method: "POST", body: { email, password: pw }, headers });
/** Tests of some twenty logins: each checks a PBKDF2 hash on purpose, which takes seconds on a loaded machine. */
const loginHeavy = 30_000;
const cookieFrom = (res: Response) => res.headers.get("set-cookie")!.split(";")[0];

describe("authentication", () => {
  describe("POST /api/auth/login", () => {
    it("sets an HttpOnly, Secure, SameSite=Lax session cookie and stores only the token's hash", async () => {
      const res = await login("checker@factline.local", password);
      expect(res.status).toBe(200);
      const setCookie = res.headers.get("set-cookie")!;
      expect(setCookie).toMatch(new RegExp(`^${sessionCookie}=`));
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/Secure/);
      expect(setCookie).toMatch(/SameSite=Lax/);
      expect(setCookie).toMatch(/Max-Age=\d+/);
      const token = cookieFrom(res).split("=")[1];
      expect(token.length).toBeGreaterThanOrEqual(43);
      const stored = await env.DB.prepare("select token_hash from sessions").all<{ token_hash: string }>();
      expect(stored.results.map((r) => r.token_hash)).not.toContain(token);
      const me = await call("/api/auth/me", { headers: { cookie: cookieFrom(res) } });
      expect((await json(me)).user.email).toBe("checker@factline.local");
    });

    it("stores passwords as salted PBKDF2-SHA256 with 100,000 iterations", async () => {
      const stored = (await env.DB.prepare("select password_hash from users where email = 'checker@factline.local'").first<{ password_hash: string }>())!.password_hash;
      expect(stored).toMatch(/^pbkdf2-sha256\$100000\$[\w-]{22}\$[\w-]{43}$/);
      expect(stored).not.toContain(password);
      const again = await hashPassword(password);
      expect(again.split("$")[2]).not.toBe(stored.split("$")[2]);
      expect(await verifyPassword(password, again)).toBe(true);
      expect(await verifyPassword(password, stored)).toBe(true);
      expect(await verifyPassword("wrong", stored)).toBe(false);
    });

    it("answers a wrong password and an unknown email with the same generic 401", async () => {
      const wrong = await login("checker@factline.local", "nope");
      const unknown = await login("nobody@factline.local", "nope");
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect((await json(wrong)).error).toEqual((await json(unknown)).error);
    });

    it("locks an account on a client after repeated failures there, even for the right password, and survives a restart (D1)", async () => {
      for (let i = 0; i < loginLimit.perAccountClient; i++) expect((await login("editor@factline.local", "wrong")).status).toBe(401);
      const locked = await login("editor@factline.local", password);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
      const stored = await env.DB.prepare("select failures from login_attempts where key = 'account-client:editor@factline.local|local'").first<{ failures: number }>();
      // Every attempt is counted before the password is checked, the refused one too.
      expect(stored!.failures).toBe(loginLimit.perAccountClient + 1);
      expect((await login("checker@factline.local", password)).status).toBe(200);
    });

    it("lets no more than the limit of parallel guesses through", async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => login("editor@factline.local", "wrong")));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(loginLimit.perAccountClient);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20 - loginLimit.perAccountClient);
    });

    it("does not count successful logins against a shared client address", async () => {
      const headers = { "cf-connecting-ip": "198.51.100.7" };
      for (let i = 0; i < loginLimit.perClient + 5; i++) expect((await login("checker@factline.local", password, headers)).status).toBe(200);
    }, loginHeavy);

    it("locks a client that tries many accounts", async () => {
      const headers = { "cf-connecting-ip": "203.0.113.9" };
      for (let i = 0; i < loginLimit.perClient; i++) await login(`user${i}@factline.local`, "wrong", headers);
      expect((await login("checker@factline.local", password, headers)).status).toBe(429);
      expect((await login("checker@factline.local", password, { "cf-connecting-ip": "203.0.113.10" })).status).toBe(200);
    }, loginHeavy);

    it("rejects a malformed email with 400", async () => {
      expect((await login("not-an-email", "x")).status).toBe(400);
    });
  });

  describe("sessions", () => {
    it("refuses an expired session", async () => {
      await env.DB.prepare("update sessions set expires_at = '2000-01-01T00:00:00.000Z'").run();
      expect((await call("/api/auth/me", { as: checker })).status).toBe(401);
    });

    it("refuses a logged-out session", async () => {
      expect((await call("/api/auth/logout", { method: "POST", as: checker })).status).toBe(204);
      expect((await call("/api/auth/me", { as: checker })).status).toBe(401);
    });

    it("logs out everywhere: every session of that user ends, others' survive", async () => {
      const second = cookieFrom(await login("checker@factline.local", password));
      expect((await call("/api/auth/logout-everywhere", { method: "POST", as: checker })).status).toBe(204);
      expect((await call("/api/auth/me", { headers: { cookie: second } })).status).toBe(401);
      expect((await call("/api/auth/me", { as: admin })).status).toBe(200);
    });

    it("refuses a disabled user's session", async () => {
      await env.DB.prepare("update users set disabled_at = '2024-01-01' where email = 'checker@factline.local'").run();
      expect((await call("/api/auth/me", { as: checker })).status).toBe(401);
    });
  });

  describe("CSRF", () => {
    const article = { text: "Title\n\nBody." };
    it("refuses a cookie POST without an Origin header", async () => {
      const res = await call("/api/articles", { method: "POST", as: checker, body: article, headers: { origin: "" } });
      expect(res.status).toBe(403);
      expect((await json(res)).error.code).toBe("csrf");
    });

    it("refuses a cookie POST from a foreign Origin, and writes nothing", async () => {
      const res = await call("/api/articles", { method: "POST", as: checker, body: article, headers: { origin: "https://evil.example" } });
      expect(res.status).toBe(403);
      expect((await env.DB.prepare("select count(*) as n from articles").first<{ n: number }>())!.n).toBe(0);
    });

    it("accepts a same-origin cookie POST", async () => {
      expect((await call("/api/articles", { method: "POST", as: checker, body: article, headers: { origin } })).status).toBe(201);
    });
  });

  describe("API tokens", () => {
    it("authenticate scripts by bearer token, without CSRF checks, until revoked", async () => {
      const created = await json(await call("/api/auth/tokens", { method: "POST", as: checker, body: { name: "import bot" } }));
      expect(created.token).toMatch(/^fl_/);
      const stored = await env.DB.prepare("select token_hash from api_tokens").first<{ token_hash: string }>();
      expect(stored!.token_hash).not.toContain(created.token);
      const bearer = { authorization: `Bearer ${created.token}` };
      expect((await json(await call("/api/auth/me", { headers: bearer }))).user.role).toBe("checker");
      expect((await call("/api/articles", { method: "POST", body: { text: "T\n\nB." }, headers: { ...bearer, origin: "" } })).status).toBe(201);
      expect((await call(`/api/auth/tokens/${created.id}`, { method: "DELETE", as: checker })).status).toBe(204);
      const revoked = await call("/api/auth/me", { headers: bearer });
      expect(revoked.status).toBe(401);
      expect((await json(revoked)).error.code).toBe("invalid_token");
    });

    it("keeps a token to its user's role", async () => {
      const created = await json(await call("/api/auth/tokens", { method: "POST", as: checker, body: { name: "bot" } }));
      const res = await call("/api/users/invitations", { method: "POST", headers: { authorization: `Bearer ${created.token}` }, body: { email: "x@y.z", name: "X", role: "admin" } });
      expect(res.status).toBe(403);
    });
  });

  describe("invitations", () => {
    it("an admin invites, the invitee sets a password once through the link, then logs in", async () => {
      const invite = await call("/api/users/invitations", { method: "POST", as: admin, body: { email: "New@Newsroom.example", name: "New Checker", role: "checker" } });
      expect(invite.status).toBe(201);
      const { link } = await json(invite);
      const token = new URL(link).hash.split("/").pop()!;
      expect((await login("new@newsroom.example", "anything-at-all")).status).toBe(401);
      const accept = await call("/api/auth/invitations/accept", { method: "POST", body: { token, password: "a long new password" } });
      expect(accept.status).toBe(200);
      expect((await login("new@newsroom.example", "a long new password")).status).toBe(200);
      const again = await call("/api/auth/invitations/accept", { method: "POST", body: { token, password: "another long password" } });
      expect(again.status).toBe(400);
    });

    it("refuses an expired invitation", async () => {
      const { link } = await json(await call("/api/users/invitations", { method: "POST", as: admin, body: { email: "late@newsroom.example", name: "Late", role: "editor" } }));
      await env.DB.prepare("update invitations set expires_at = '2000-01-01T00:00:00.000Z'").run();
      const res = await call("/api/auth/invitations/accept", { method: "POST", body: { token: new URL(link).hash.split("/").pop()!, password: "a long new password" } });
      expect(res.status).toBe(400);
    });

    it("refuses a second account for one email with 409", async () => {
      const res = await call("/api/users/invitations", { method: "POST", as: admin, body: { email: "checker@factline.local", name: "Dup", role: "checker" } });
      expect(res.status).toBe(409);
    });
  });

  describe("demo accounts guard", () => {
    it("refuses to create demo accounts outside development, creating nothing", async () => {
      await resetDatabase();
      await expect(seedDemoAccounts(db(), "production", "factline-demo")).rejects.toThrow(/Refusing/);
      await expect(seedDemoAccounts(db(), undefined, "factline-demo")).rejects.toThrow(/Refusing/);
      await expect(seedDemoAccounts(db(), env.ENVIRONMENT, "factline-demo")).resolves.toBeDefined();
      expect(env.ENVIRONMENT).toBe("test");
    });
  });
});
