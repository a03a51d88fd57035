import { Hono } from "hono";
import { factCheckImportInput } from "../../schema/matching-inputs";
import { canUseNewsroomTools } from "../../schema/workflow";
import { readClaimReviews } from "../domain/claimreview-import";
import type { AppEnv } from "../env";
import { apiError } from "../http/errors";
import { validate } from "../http/validate";
import { requireDecision } from "../middleware/auth";
import { importExternalReviews } from "../queries/fact-checks";

/** Other organisations' fact-checks, imported from their ClaimReview into the match corpus. */
export const factCheckRoutes = new Hono<AppEnv>().use(requireDecision(canUseNewsroomTools)).post("/import", validate("json", factCheckImportInput), async (c) => {
  let reviews;
  try {
    reviews = readClaimReviews(c.req.valid("json").content);
  } catch {
    throw apiError(400, "invalid_json", "This looks like JSON but does not parse.");
  }
  if (reviews.length === 0) throw apiError(400, "no_claimreview", "No ClaimReview with a claimReviewed was found in this input.");
  const result = await importExternalReviews(c.get("db"), reviews, c.get("user")!.id);
  return c.json({ found: reviews.length, ...result }, result.created > 0 ? 201 : 200);
});
