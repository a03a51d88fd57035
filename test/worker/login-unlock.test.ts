import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { refusalCodes } from "../../schema/refusal-codes";
import { loginLimit } from "../../worker/auth/rate-limit";
import { call, json, signInStaff, testPassword, type Staff } from "./support";

let staff: Record<"checker" | "checker2" | "editor" | "editor2" | "admin", Staff>;

beforeEach(async () => {
  staff = await signInStaff();
});

/** Each test makes some ten logins, each checking a PBKDF2 hash on purpose: seconds on a loaded machine. */
const loginHeavy = 30_000;
const desk = "198.51.100.7";
const login = (email: string, password: string, client = desk) =>
  call("/api/auth/login", { method: "POST", body: { email, password }, headers: { "cf-connecting-ip": client } });
const lockOut = async (email: string) => {
  for (let i = 0; i < loginLimit.perAccountClient; i++) expect((await login(email, "wrong guess")).status).toBe(401);
  expect((await login(email, testPassword)).status).toBe(429);
};
const unlock = (id: number, as: Staff | null) => call(`/api/users/${id}/unlock`, { method: "POST", as });
type ErrorBody = { error: { code: string; message: string; details?: unknown } };

describe("unlocking an account after a login lockout", () => {
  it("is for admins only, and lets the person log in again at once, audited", async () => {
    await lockOut("editor@factline.local");
    const editorId = staff.editor.id;
    expect((await unlock(editorId, null)).status).toBe(401);
    for (const who of ["checker", "editor2"] as const) {
      const refused = await unlock(editorId, staff[who]);
      expect(refused.status).toBe(403);
      expect((await json<ErrorBody>(refused)).error.details).toEqual({ refusal: "role_required" });
    }
    // Refused unlocks forgot nothing.
    expect((await login("editor@factline.local", testPassword)).status).toBe(429);

    const res = await unlock(editorId, staff.admin);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ user: { id: editorId, email: "editor@factline.local", name: "Erlan Editor" } });
    expect((await login("editor@factline.local", testPassword)).status).toBe(200);
    const audit = await env.DB.prepare("select actor_id as actor, entity_type as type, entity_id as id from audit_events where action = 'user.unlock'").all();
    expect(audit.results).toEqual([{ actor: staff.admin.id, type: "user", id: editorId }]);
  }, loginHeavy);

  it("forgets only that account's failed logins", async () => {
    await lockOut("editor@factline.local");
    await lockOut("checker@factline.local");
    expect((await unlock(staff.checker.id, staff.admin)).status).toBe(200);
    expect((await login("checker@factline.local", testPassword)).status).toBe(200);
    expect((await login("editor@factline.local", testPassword)).status).toBe(429);
  }, loginHeavy * 2);

  it("answers 404 for an account that does not exist, and writes nothing", async () => {
    const res = await unlock(99_999, staff.admin);
    expect(res.status).toBe(404);
    expect((await json<ErrorBody>(res)).error.code).toBe("not_found");
    const audit = await env.DB.prepare("select count(*) as n from audit_events where action = 'user.unlock'").first<{ n: number }>();
    expect(audit?.n).toBe(0);
  });
});

describe("refusals carry stable codes", () => {
  it("a workflow refusal names its decision's code, which is one of schema/refusal-codes.ts", async () => {
    // An admin changing their own role: the decision's code travels in details.refusal.
    const me = await call(`/api/users/${staff.admin.id}`, { method: "PATCH", as: staff.admin, body: { version: 1, role: "editor" } });
    expect(me.status).toBe(409);
    const body = await json<ErrorBody>(me);
    expect(body.error.code).toBe("own_account");
    expect(body.error.details).toEqual({ refusal: "own_account" });
    expect(refusalCodes).toContain(body.error.code);
  });

  it("bad input lists each field's problem with zod's code, so the workspace can say it as a sentence", async () => {
    const res = await call("/api/auth/login", { method: "POST", body: { email: "not an address" } });
    expect(res.status).toBe(400);
    const body = await json<ErrorBody>(res);
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.details).toEqual([
      expect.objectContaining({ path: "email", code: "invalid_format", format: "email" }),
      expect.objectContaining({ path: "password", code: "required" }),
    ]);
    const tooShort = await call("/api/auth/invitations/accept", { method: "POST", body: { token: "x".repeat(32), password: "short" } });
    expect((await json<ErrorBody>(tooShort)).error.details).toEqual([expect.objectContaining({ path: "password", code: "too_small", origin: "string", minimum: 12 })]);
  });
});

describe("what the import would detect", () => {
  it("answers the outlet, URL, date and byline of a pasted text and stores nothing", async () => {
    const text = "Bridges title\n23 февраля 2023\nАвтор: Иван Петров\nThe mayor said 12 bridges were repaired.\nИсточник: www.inform.kz";
    const res = await call("/api/articles/detect", { method: "POST", as: staff.checker, body: { text } });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ details: { publisher: "inform.kz", sourceUrl: "https://www.inform.kz/", publishedAt: "2023-02-23", author: "Иван Петров" } });
    const stored = await env.DB.prepare("select count(*) as n from articles").first<{ n: number }>();
    expect(stored?.n).toBe(0);
  });
});
