import { Hono } from "hono";
import type { AppEnv } from "../env";
import { ArticlePage } from "../pages/article-page";
import { publicArticleBySlug } from "../queries/public";
import { apiError } from "../http/errors";

export const publicPages = new Hono<AppEnv>().get("/articles/:slug", async (c) => {
  const data = await publicArticleBySlug(c.get("db"), c.req.param("slug"));
  if (!data) throw apiError(404, "not_found", "No such article.");
  return c.html(<ArticlePage {...data} ui="en" />);
});
