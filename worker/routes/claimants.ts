import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { validate } from "../http/validate";
import { requireStaff } from "../middleware/auth";
import { searchClaimants } from "../queries/claimants";

export const claimantRoutes = new Hono<AppEnv>().use(requireStaff).get(
  "/",
  validate("query", z.object({ q: z.string().trim().max(100).default(""), limit: z.coerce.number().int().min(1).max(50).default(10) })),
  async (c) => {
    const { q, limit } = c.req.valid("query");
    return c.json({ items: await searchClaimants(c.get("db"), q, limit) });
  },
);
