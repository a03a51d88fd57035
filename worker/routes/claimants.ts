import { Hono } from "hono";
import { z } from "zod";
import { claimantCreateInput, claimantKindInput, claimantMergeInput, claimantUpdateInput, idParam, versionInput } from "../../schema/inputs";
import { canApproveClaimantDescription, canEditClaimant, canEditClaimantKind, canMergeClaimants, may } from "../../schema/workflow";
import type { AppEnv } from "../env";
import { enforce } from "../http/errors";
import { validate } from "../http/validate";
import { requireStaff } from "../middleware/auth";
import { approveClaimantDescription, createClaimant, getClaimant, mergeClaimants, searchClaimants, setClaimantKind, updateClaimantDescription } from "../queries/claimants";

export const claimantRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .get("/", validate("query", z.object({ q: z.string().trim().max(100).default(""), limit: z.coerce.number().int().min(1).max(50).default(10) })), async (c) => {
    const { q, limit } = c.req.valid("query");
    return c.json({ items: await searchClaimants(c.get("db"), q, limit) });
  })
  .post("/", validate("json", claimantCreateInput), async (c) => {
    const actor = c.get("user")!;
    enforce(may(actor, "createClaimants"));
    const { name, kind } = c.req.valid("json");
    const { claimant, created } = await createClaimant(c.get("db"), name, kind, actor);
    return c.json({ claimant, created }, created ? 201 : 200);
  })
  .get("/:id", validate("param", idParam), async (c) => {
    const claimant = await getClaimant(c.get("db"), c.req.valid("param").id);
    const actor = c.get("user")!;
    return c.json({
      claimant,
      editable: canEditClaimant(actor),
      approvable: canApproveClaimantDescription(actor, claimant),
      kindEditable: canEditClaimantKind(actor, claimant),
      mergeable: canMergeClaimants(actor, { id: 0 }, claimant),
    });
  })
  .patch("/:id/kind", validate("param", idParam), validate("json", claimantKindInput), async (c) => {
    const db = c.get("db");
    const actor = c.get("user")!;
    const claimant = await getClaimant(db, c.req.valid("param").id);
    enforce(canEditClaimantKind(actor, claimant));
    const { version, kind } = c.req.valid("json");
    return c.json({ claimant: await setClaimantKind(db, claimant, version, kind, actor) });
  })
  .post("/:id/merge", validate("param", idParam), validate("json", claimantMergeInput), async (c) => {
    const db = c.get("db");
    const actor = c.get("user")!;
    const { version, keepId, keepVersion } = c.req.valid("json");
    enforce(canMergeClaimants(actor, { id: c.req.valid("param").id }, { id: keepId }));
    const remove = await getClaimant(db, c.req.valid("param").id);
    const keep = await getClaimant(db, keepId);
    return c.json(await mergeClaimants(db, remove, version, keep, keepVersion, actor));
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
