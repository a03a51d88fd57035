import { Hono } from "hono";
import { z } from "zod";
import { claimStates } from "../../schema/enums";
import { anchorInput, assignInput, claimDeleteInput, claimUpdateInput, commentInput, idParam, pageQuery, transitionInput, versionInput } from "../../schema/inputs";
import { availableActions, canConfirmAnchor, canDelete, canEdit, canReanchor } from "../../schema/workflow";
import type { AppEnv } from "../env";
import { enforce } from "../http/errors";
import { validate } from "../http/validate";
import { claimChange, notifyLive } from "../live/notify";
import { requirePower, requireStaff } from "../middleware/auth";
import { getAnchorHistory } from "../queries/anchor-history";
import { attentionClaims, listClaimsWithTotal } from "../queries/claim-lists";
import { auditHistory } from "../queries/audit";
import { anchorClaim, confirmAnchor, proposeAnchor } from "../queries/anchoring";
import { deleteDraft, getClaim, getClaimDetail, listComments, updateClaim } from "../queries/claims";
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
    const filter = {
      flagged: q.flagged,
      states: q.state,
      authorId: q.mine === "authored" ? me : q.authorId,
      assigneeId: q.mine === "assigned" ? me : q.assigneeId,
      articleId: q.articleId,
      language: q.language,
    };
    // The page and its total (the dashboard's counts), in one round trip.
    const { items, total } = await listClaimsWithTotal(c.get("db"), { ...filter, order: q.order, limit: q.limit, offset: q.offset });
    return c.json({ items, total, limit: q.limit, offset: q.offset });
  })
  .get("/attention", validate("query", pageQuery), async (c) => {
    const { limit, offset } = c.req.valid("query");
    const actor = c.get("user")!;
    const { items, total } = await attentionClaims(c.get("db"), limit, offset);
    return c.json({ items: items.map((claim) => ({ claim, confirmAnchor: canConfirmAnchor(actor, claim) })), total, limit, offset });
  })
  .get("/:id", validate("param", idParam), async (c) => {
    const claim = await getClaimDetail(c.get("db"), c.req.valid("param").id);
    const actor = c.get("user")!;
    return c.json({
      claim,
      actions: availableActions(actor, claim),
      editable: canEdit(actor, claim),
      deletable: canDelete(actor, claim),
      reanchor: canReanchor(actor, claim),
      confirmAnchor: canConfirmAnchor(actor, claim),
    });
  })
  .patch("/:id", validate("param", idParam), validate("json", claimUpdateInput), async (c) => {
    const db = c.get("db");
    const actor = c.get("user")!;
    const claim = await getClaim(db, c.req.valid("param").id);
    enforce(canEdit(actor, claim), "not_editable");
    const updated = await updateClaim(db, claim, c.req.valid("json"), actor);
    notifyLive(c, claimChange("claim.updated", updated));
    return c.json({ claim: updated });
  })
  .delete("/:id", validate("param", idParam), validate("json", claimDeleteInput), async (c) => {
    const db = c.get("db");
    const actor = c.get("user")!;
    const claim = await getClaim(db, c.req.valid("param").id);
    enforce(canDelete(actor, claim), "not_a_draft");
    await deleteDraft(db, claim, c.req.valid("json").version, actor);
    notifyLive(c, claimChange("claim.deleted", claim));
    return c.body(null, 204);
  })
  .post("/:id/transitions", validate("param", idParam), validate("json", transitionInput), async (c) => {
    const db = c.get("db");
    const claim = await transitionClaim(db, await getClaim(db, c.req.valid("param").id), c.req.valid("json"), c.get("user")!);
    notifyLive(c, claimChange("claim.transitioned", claim));
    return c.json({ claim });
  })
  .post("/:id/anchor", validate("param", idParam), validate("json", anchorInput), async (c) => {
    const db = c.get("db");
    const actor = c.get("user")!;
    const claim = await getClaim(db, c.req.valid("param").id);
    const decision = enforce(canReanchor(actor, claim), "not_editable");
    const place = decision.proposal ? proposeAnchor : anchorClaim;
    const placed = await place(db, claim, c.req.valid("json"), actor);
    notifyLive(c, claimChange("claim.moved", placed));
    return c.json({ claim: placed });
  })
  .post("/:id/anchor/confirm", validate("param", idParam), validate("json", versionInput), async (c) => {
    const db = c.get("db");
    const actor = c.get("user")!;
    const claim = await getClaim(db, c.req.valid("param").id);
    enforce(canConfirmAnchor(actor, claim), "no_proposal");
    const confirmed = await confirmAnchor(db, claim, c.req.valid("json").version, actor);
    notifyLive(c, claimChange("claim.moved", confirmed));
    return c.json({ claim: confirmed });
  })
  .post("/:id/assign", requirePower("assign"), validate("param", idParam), validate("json", assignInput), async (c) => {
    const db = c.get("db");
    const claim = await assignClaim(db, await getClaim(db, c.req.valid("param").id), c.req.valid("json"), c.get("user")!);
    notifyLive(c, claimChange("claim.assigned", claim));
    return c.json({ claim });
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
    const claim = await getClaim(c.get("db"), id);
    const comment = await addComment(c.get("db"), id, body, parentId, c.get("user")!);
    notifyLive(c, claimChange("comment.created", claim, { commentId: comment.id }));
    return c.json({ comment }, 201);
  })
  .get("/:id/history", validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    await getClaim(c.get("db"), id);
    return c.json({ items: await auditHistory(c.get("db"), "claim", id) });
  });
