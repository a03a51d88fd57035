import { beforeEach, describe, expect, it } from "vitest";
import { bookmarkCookie } from "../../worker/http/d1-session";
import { call, json, signInStaff } from "./support";

let people: Awaited<ReturnType<typeof signInStaff>>;
beforeEach(async () => {
  people = await signInStaff();
});

const bookmarkOf = (res: Response) => new RegExp(`${bookmarkCookie}=([^;]+);.*Path=/api.*HttpOnly|${bookmarkCookie}=([^;]+);.*HttpOnly.*Path=/api`, "i").exec(res.headers.get("set-cookie") ?? "");

describe("D1 sessions (read replicas)", () => {
  it("hands a signed-in client its bookmark, and reads its own write when the bookmark comes back", async () => {
    const write = await call("/api/auth/tokens", { method: "POST", as: people.checker, body: { name: "sessions test" } });
    expect(write.status).toBe(201);
    const match = bookmarkOf(write);
    expect(match).not.toBeNull();
    const bookmark = match![1] ?? match![2];
    const staff = { ...people.checker, cookie: `${people.checker.cookie}; ${bookmarkCookie}=${bookmark}` };
    const read = await call("/api/auth/tokens", { as: staff });
    expect(read.status).toBe(200);
    expect((await json(read)).items.map((t: { name: string }) => t.name)).toContain("sessions test");
  });

  it("gives the public no bookmark cookie", async () => {
    const res = await call("/api/rating-scale");
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("ignores a bookmark that is not one", async () => {
    const staff = { ...people.editor, cookie: `${people.editor.cookie}; ${bookmarkCookie}=<script>` };
    expect((await call("/api/auth/me", { as: staff })).status).toBe(200);
  });
});
