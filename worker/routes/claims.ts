import { Hono } from "hono";
import { z } from "zod";
import { claimStates, publicClaimStates } from "../../schema/enums";
import { anchorInput, assignInput, claimDeleteInput, claimUpdateInput, commentInput, idParam, pageQuery, transitionInput } from "../../schema/inputs";
import { availableActions, canDelete, canEdit } from "../../schema/workflow";
import type { AppEnv } from "../env";
import { apiError } from "../http/errors";
import { validate } from "../http/validate";
import { requireRole, requireStaff } from "../middleware/auth";
import { getAnchorHistory } from "../queries/anchor-history";
import { auditHistory } from "../queries/audit";
import { anchorClaim, deleteDraft, getClaim, getClaimDetail, listClaims, listComments, updateClaim } from "../queries/claims";
import { refusedBy } from "../queries/refusal";
import { addComment, assignClaim, transitionClaim } from "../queries/workflow";

const claimListQuery = pageQuery.extend({
  state: z
    .string()
    .transform((s) => s.split(","))
    .pipe(z.array(z.enum(claimStates)))
    .optional(),
  mine: z.enum(["authored", "assigned"]).optional(),
  flagged: z.stringbool().optional(),
  authorId: z.coerce.number().int().positive().optional(),
  assigneeId: z.coerce.number().int().positive().optional(),
  articleId: z.coerce.number().int().positive().optional(),
  language: z.string().max(20).optional(),
  order: z.enum(["oldest", "newest"]).default("newest"),
});

export const claimRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .get("/", validate("query", claimListQuery), async (c) => {
    const q = c.req.valid("query");
    const me = c.get("user")!.id;
    const items = await listClaims(c.get("db"), {
      flagged: q.flagged,
      states: q.state,
      authorId: q.mine === "authored" ? me : q.authorId,
      assigneeId: q.mine === "assigned" ? me : q.assigneeId,
      articleId: q.articleId,
      language: q.language,
      order: q.order,
      limit: q.limit,
      offset: q.offset,
    });
    return c.json({ items, limit: q.limit, offset: q.offset });
  })
  .get("/:id", validate("param", idParam), async (c) => {
    const claim = await getClaimDetail(c.get("db"), c.req.valid("param").id);
    const actor = c.get("user")!;
    return c.json({ claim, actions: availableActions(actor, claim), editable: canEdit(actor, claim), deletable: canDelete(actor, claim) });
  })
  .patch("/:id", validate("param", idParam), validate("json", claimUpdateInput), async (c) => {
    const db = c.get("db");
    const actor = c.get("user")!;
    const claim = await getClaim(db, c.req.valid("param").id);
    const decision = canEdit(actor, claim);
    if (!decision.ok) throw refusedBy(decision, "not_editable");
    return c.json({ claim: await updateClaim(db, claim, c.req.valid("json"), actor) });
  })
  .delete("/:id", validate("param", idParam), validate("json", claimDeleteInput), async (c) => {
    const db = c.get("db");
    const actor = c.get("user")!;
    const claim = await getClaim(db, c.req.valid("param").id);
    const decision = canDelete(actor, claim);
    if (!decision.ok) throw refusedBy(decision, "not_a_draft");
    await deleteDraft(db, claim, c.req.valid("json").version, actor);
    return c.body(null, 204);
  })
  .post("/:id/transitions", validate("param", idParam), validate("json", transitionInput), async (c) => {
    const db = c.get("db");
    const claim = await getClaim(db, c.req.valid("param").id);
    return c.json({ claim: await transitionClaim(db, claim, c.req.valid("json"), c.get("user")!) });
  })
  .post("/:id/anchor", validate("param", idParam), validate("json", anchorInput), async (c) => {
    const db = c.get("db");
    const actor = c.get("user")!;
    const claim = await getClaim(db, c.req.valid("param").id);
    // Moving a public fact-check changes what readers see: that is an editor's call. Otherwise, whoever may edit it.
    const isPublic = (publicClaimStates as readonly string[]).includes(claim.state);
    if (isPublic && actor.role === "checker") throw apiError(403, "forbidden", "Only editors can re-attach a published fact-check.");
    if (!isPublic) {
      // Re-attaching changes the quote: only while the claim may be edited at all (not in review, not approved).
      const decision = canEdit(actor, claim);
      if (!decision.ok) throw refusedBy(decision, "not_editable");
    }
    return c.json({ claim: await anchorClaim(db, claim, c.req.valid("json"), actor) });
  })
  .post("/:id/assign", requireRole("editor", "admin"), validate("param", idParam), validate("json", assignInput), async (c) => {
    const db = c.get("db");
    const claim = await getClaim(db, c.req.valid("param").id);
    return c.json({ claim: await assignClaim(db, claim, c.req.valid("json"), c.get("user")!) });
  })
  // Staff only, like every claim route (requireStaff above): a draft's anchoring is no one else's business.
  .get("/:id/anchor-history", validate("param", idParam), async (c) => c.json(await getAnchorHistory(c.get("db"), c.req.valid("param").id)))
  .get("/:id/comments", validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    await getClaim(c.get("db"), id);
    return c.json({ items: await listComments(c.get("db"), id) });
  })
  .post("/:id/comments", validate("param", idParam), validate("json", commentInput), async (c) => {
    const { id } = c.req.valid("param");
    const { body, parentId } = c.req.valid("json");
    await getClaim(c.get("db"), id);
    return c.json({ comment: await addComment(c.get("db"), id, body, parentId, c.get("user")!) }, 201);
  })
  .get("/:id/history", validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    await getClaim(c.get("db"), id);
    return c.json({ items: await auditHistory(c.get("db"), "claim", id) });
  });
