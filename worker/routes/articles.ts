import { Hono } from "hono";
import { articleImportInput, articleListQuery, claimCreateInput, idParam } from "../../schema/inputs";
import type { AppEnv } from "../env";
import { validate } from "../http/validate";
import { requireStaff } from "../middleware/auth";
import { getArticleWithRevision, importArticle, listArticles } from "../queries/articles";
import { createClaim, listArticleClaims } from "../queries/claims";

export const articleRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .get("/", validate("query", articleListQuery), async (c) => c.json(await listArticles(c.get("db"), c.req.valid("query"))))
  .post("/", validate("json", articleImportInput), async (c) => {
    const result = await importArticle(c.get("db"), c.req.valid("json"), c.get("user")!.id);
    return c.json(result, result.status === "created" ? 201 : 200);
  })
  .get("/:id", validate("param", idParam), async (c) => {
    const { article, revision } = await getArticleWithRevision(c.get("db"), c.req.valid("param").id);
    return c.json({ article, revision: { id: revision.id, number: revision.number, text: revision.text, doc: revision.doc, createdAt: revision.createdAt } });
  })
  .get("/:id/claims", validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    await getArticleWithRevision(c.get("db"), id);
    return c.json({ items: await listArticleClaims(c.get("db"), id) });
  })
  .post("/:id/claims", validate("param", idParam), validate("json", claimCreateInput), async (c) => {
    const claim = await createClaim(c.get("db"), c.req.valid("param").id, c.req.valid("json"), c.get("user")!);
    return c.json({ claim }, 201);
  });
