import { Hono } from "hono";
import type { AppEnv } from "../env";
import { ArticlePage } from "../pages/article-page";
import { publicArticleBySlug } from "../queries/public";
import { apiError } from "../http/errors";

export const publicPages = new Hono<AppEnv>()
  // The workspace shell goes through the worker so that it gets the same CSP and secure headers.
  .get("/app/", async (c) => {
    const shell = await c.env.ASSETS.fetch(new Request(new URL("/app/", c.req.url)));
    return new Response(shell.body, shell);
  })
  .get("/articles/:slug", async (c) => {
  const data = await publicArticleBySlug(c.get("db"), c.req.param("slug"));
  if (!data) throw apiError(404, "not_found", "No such article.");
  return c.html(<ArticlePage {...data} ui="en" />);
});
