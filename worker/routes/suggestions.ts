import { Hono } from "hono";
import { idParam, suggestionDismissInput, suggestionListQuery } from "../../schema/inputs";
import { canSeeSuggestions } from "../../schema/workflow";
import type { AppEnv } from "../env";
import { enforce } from "../http/errors";
import { validate } from "../http/validate";
import { requireStaff } from "../middleware/auth";
import { dismissSuggestion, listSuggestions } from "../queries/suggestions";

/** Check-worthy sentence suggestions of an article's current revision (mounted under /api/articles). */
export const suggestionRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .get("/:id/suggestions", validate("param", idParam), validate("query", suggestionListQuery), async (c) => {
    const decision = canSeeSuggestions(c.get("user") ?? null);
    enforce(decision);
    return c.json(await listSuggestions(c.get("db"), c.req.valid("param").id, c.req.valid("query").limit));
  })
  .post("/:id/suggestions/dismissals", validate("param", idParam), validate("json", suggestionDismissInput), async (c) => {
    const result = await dismissSuggestion(c.get("db"), c.req.valid("param").id, c.req.valid("json"), c.get("user")!);
    return c.json(result, result.created ? 201 : 200);
  });
