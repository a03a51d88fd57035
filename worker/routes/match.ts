import { Hono } from "hono";
import { matchInput } from "../../schema/matching-inputs";
import { canUseNewsroomTools } from "../../schema/workflow";
import type { AppEnv } from "../env";
import { validate } from "../http/validate";
import { requireDecision } from "../middleware/auth";
import { findSimilar } from "../queries/match";

/** "Already checked": the fact-checks most like a selection or a claim, ours and other organisations'. */
export const matchRoutes = new Hono<AppEnv>().use(requireDecision(canUseNewsroomTools)).post("/", validate("json", matchInput), async (c) => {
  const { text, excludeClaimId, limit } = c.req.valid("json");
  return c.json({ items: await findSimilar(c.get("db"), text, { excludeClaimId, limit }) });
});
