import { Hono } from "hono";
import { z } from "zod";
import { claimantUpdateInput, idParam, versionInput } from "../../schema/inputs";
import { canApproveClaimantDescription, canEditClaimant } from "../../schema/workflow";
import type { AppEnv } from "../env";
import { enforce } from "../http/errors";
import { validate } from "../http/validate";
import { requireStaff } from "../middleware/auth";
import { approveClaimantDescription, getClaimant, searchClaimants, updateClaimantDescription } from "../queries/claimants";

export const claimantRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .get("/", validate("query", z.object({ q: z.string().trim().max(100).default(""), limit: z.coerce.number().int().min(1).max(50).default(10) })), async (c) => {
    const { q, limit } = c.req.valid("query");
    return c.json({ items: await searchClaimants(c.get("db"), q, limit) });
  })
  .get("/:id", validate("param", idParam), async (c) => {
    const claimant = await getClaimant(c.get("db"), c.req.valid("param").id);
    const actor = c.get("user")!;
    return c.json({ claimant, editable: canEditClaimant(actor), approvable: canApproveClaimantDescription(actor, claimant) });
  })
  .patch("/:id", validate("param", idParam), validate("json", claimantUpdateInput), async (c) => {
    const db = c.get("db");
    const actor = c.get("user")!;
    enforce(canEditClaimant(actor));
    const claimant = await getClaimant(db, c.req.valid("param").id);
    const { version, description } = c.req.valid("json");
    return c.json({ claimant: await updateClaimantDescription(db, claimant, version, description, actor) });
  })
  .post("/:id/approve-description", validate("param", idParam), validate("json", versionInput), async (c) => {
    const db = c.get("db");
    const actor = c.get("user")!;
    const claimant = await getClaimant(db, c.req.valid("param").id);
    enforce(canApproveClaimantDescription(actor, claimant), "nothing_to_approve");
    return c.json({ claimant: await approveClaimantDescription(db, claimant, c.req.valid("json").version, actor) });
  });
