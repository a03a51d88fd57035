import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("smoke", () => {
  it("answers health and has migrated tables", async () => {
    const res = await exports.default.fetch("http://x/api/health");
    expect(res.status).toBe(200);
    const row = await env.DB.prepare("select count(*) as n from articles").first<{ n: number }>();
    expect(row?.n).toBe(0);
  });
});
