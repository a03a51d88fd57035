import { beforeEach, describe, expect, it } from "vitest";
import { loginLimit } from "../../worker/auth/rate-limit";
import { call, signInStaff, testPassword } from "./support";

beforeEach(async () => {
  await signInStaff();
});

/** Each test makes some twenty logins, each checking a PBKDF2 hash on purpose: seconds on a loaded machine. */
const loginHeavy = 30_000;
const login = (email: string, password: string, client: string) =>
  call("/api/auth/login", { method: "POST", body: { email, password }, headers: { "cf-connecting-ip": client } });

describe("accounts", () => {
  describe("login limits", () => {
    const attacker = "203.0.113.66";
    const owner = "198.51.100.23";

    it("let the owner in from a client that has not failed while someone else guesses their password", async () => {
      for (let i = 0; i < loginLimit.perAccountClient + 3; i++) await login("editor@factline.local", "wrong guess", attacker);
      expect((await login("editor@factline.local", testPassword, attacker)).status).toBe(429);
      expect((await login("editor@factline.local", testPassword, owner)).status).toBe(200);
    }, loginHeavy);

    it("slow guessing from many clients down, but a client that has not failed still gets in", async () => {
      const clients = Array.from({ length: loginLimit.perAccount + 1 }, (_, i) => `192.0.2.${i + 1}`);
      for (const client of clients) expect((await login("editor@factline.local", "wrong guess", client)).status).toBe(401);
      // The account is under attack: a client that already failed on it gets no second guess in this window.
      expect((await login("editor@factline.local", "another guess", clients[0])).status).toBe(429);
      expect((await login("editor@factline.local", testPassword, owner)).status).toBe(200);
    }, loginHeavy);

    it("lock a client that guesses at many accounts, for every account", async () => {
      for (let i = 0; i < loginLimit.perClient; i++) await login(`user${i}@factline.local`, "wrong guess", attacker);
      expect((await login("checker@factline.local", testPassword, attacker)).status).toBe(429);
      expect((await login("checker@factline.local", testPassword, owner)).status).toBe(200);
    }, loginHeavy);
  });
});
