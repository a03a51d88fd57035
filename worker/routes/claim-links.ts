import { Hono } from "hono";
import { idParam } from "../../schema/inputs";
import { sameClaimInput } from "../../schema/matching-inputs";
import { canUseNewsroomTools } from "../../schema/workflow";
import type { AppEnv } from "../env";
import { validate } from "../http/validate";
import { claimChange, notifyLive } from "../live/notify";
import { requireDecision } from "../middleware/auth";
import { linkSameClaim } from "../queries/claim-links";
import { getClaim } from "../queries/claims";

/** "The same claim" links between appearances (the decision itself is canLinkSameClaim). */
export const claimLinkRoutes = new Hono<AppEnv>()
  .use(requireDecision(canUseNewsroomTools))
  .post("/:id/same-as", validate("param", idParam), validate("json", sameClaimInput), async (c) => {
    const db = c.get("db");
    const claim = await linkSameClaim(db, await getClaim(db, c.req.valid("param").id), c.req.valid("json"), c.get("user")!);
    notifyLive(c, claimChange("claim.updated", claim));
    return c.json({ claim });
  });
