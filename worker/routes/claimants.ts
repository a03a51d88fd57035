import { asc, sql } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { claimants } from "../../schema/tables";
import type { AppEnv } from "../env";
import { validate } from "../http/validate";
import { requireStaff } from "../middleware/auth";

export const claimantRoutes = new Hono<AppEnv>().use(requireStaff).get(
  "/",
  validate("query", z.object({ q: z.string().trim().max(100).default(""), limit: z.coerce.number().int().min(1).max(50).default(10) })),
  async (c) => {
    const { q, limit } = c.req.valid("query");
    const key = q.normalize("NFC").replace(/\s+/g, " ").toLowerCase();
    const items = await c
      .get("db")
      .select({ id: claimants.id, name: claimants.name, kind: claimants.kind })
      .from(claimants)
      // instr, not LIKE: no wildcards to escape, and no D1 limit on pattern length.
      .where(key ? sql`instr(${claimants.nameKey}, ${key}) > 0` : undefined)
      .orderBy(asc(claimants.name))
      .limit(limit);
    return c.json({ items });
  },
);
