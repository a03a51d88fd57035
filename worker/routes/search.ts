import { Hono } from "hono";
import { searchQuery } from "../../schema/search-inputs";
import { canUseNewsroomTools } from "../../schema/workflow";
import type { AppEnv } from "../env";
import { validate } from "../http/validate";
import { requireDecision } from "../middleware/auth";
import { staffSearch } from "../queries/search";

/** The staff search: claims in every state (drafts too) or articles, filtered, a page at a time. */
export const searchRoutes = new Hono<AppEnv>().use(requireDecision(canUseNewsroomTools)).get("/", validate("query", searchQuery), async (c) => {
  return c.json(await staffSearch(c.get("db"), c.req.valid("query")));
});
