import { Hono } from "hono";
import { z } from "zod";
import { articleDetectInput, articleImportInput, articleListQuery, articleMetadataInput, articleReviseInput, claimCreateInput, idParam } from "../../schema/inputs";
import { detectArticleDetails, revisionParagraphs } from "../domain/article-parse";
import { docToParagraphs } from "../domain/article-text";
import { textDiff } from "../domain/text-diff";
import type { AppEnv } from "../env";
import { apiError, enforce } from "../http/errors";
import { canEditArticleMetadata, canUseNewsroomTools } from "../../schema/workflow";
import { articleForMetadata, updateArticleMetadata } from "../queries/article-metadata";
import { validate } from "../http/validate";
import { claimChange, notifyLive } from "../live/notify";
import { requireStaff } from "../middleware/auth";
import { importArticle, listArticles } from "../queries/articles";
import { createClaim, listArticleClaims } from "../queries/claims";
import { getArticleWithRevision, getRevision, listRevisions, reviseArticle } from "../queries/revisions";

const revisionParam = idParam.extend({ number: z.coerce.number().int().positive() });

export const articleRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .get("/", validate("query", articleListQuery), async (c) => c.json(await listArticles(c.get("db"), c.req.valid("query"))))
  .post("/", validate("json", articleImportInput), async (c) => {
    const result = await importArticle(c.get("db"), c.req.valid("json"), c.get("user")!);
    if (result.status === "revised") notifyLive(c, { type: "article.revised", articleId: result.article.id, revision: result.revision.number });
    return c.json(result, result.status === "created" || result.status === "revised" ? 201 : 200);
  })
  // What the import would detect in a text (outlet, original URL, date, byline): the import form prefills its fields. Stores nothing.
  .post("/detect", validate("json", articleDetectInput), (c) => {
    enforce(canUseNewsroomTools(c.get("user") ?? null));
    const { text, format } = c.req.valid("json");
    return c.json({ details: detectArticleDetails(text, format) });
  })
  .get("/:id", validate("param", idParam), async (c) => {
    const { article, revision } = await getArticleWithRevision(c.get("db"), c.req.valid("param").id);
    return c.json({ article, revision: { id: revision.id, number: revision.number, text: revision.text, doc: revision.doc, createdAt: revision.createdAt } });
  })
  .patch("/:id/metadata", validate("param", idParam), validate("json", articleMetadataInput), async (c) => {
    const db = c.get("db");
    const actor = c.get("user")!;
    const { article, publicClaims } = await articleForMetadata(db, c.req.valid("param").id);
    enforce(canEditArticleMetadata(actor, { publicClaims }));
    return c.json({ article: await updateArticleMetadata(db, article, c.req.valid("json"), actor) });
  })
  .put("/:id", validate("param", idParam), validate("json", articleReviseInput), async (c) => {
    const input = c.req.valid("json");
    // A revision's text is stored as sent: no title, date or source line is taken out of it.
    const paragraphs = input.doc ? docToParagraphs(input.doc) : revisionParagraphs(input.text!, input.format);
    const { id } = c.req.valid("param");
    const result = await reviseArticle(c.get("db"), id, paragraphs, c.get("user")!, input.version);
    if (!result.unchanged) notifyLive(c, { type: "article.revised", articleId: id, revision: result.revision.number });
    return c.json(result, result.unchanged ? 200 : 201);
  })
  .get("/:id/revisions", validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    await getArticleWithRevision(c.get("db"), id);
    return c.json({ items: await listRevisions(c.get("db"), id) });
  })
  .get("/:id/revisions/:number", validate("param", revisionParam), async (c) => {
    const { id, number } = c.req.valid("param");
    return c.json({ revision: await getRevision(c.get("db"), id, number) });
  })
  .get("/:id/revisions/:number/diff", validate("param", revisionParam), validate("query", z.object({ against: z.coerce.number().int().positive().optional() })), async (c) => {
    const { id, number } = c.req.valid("param");
    const against = c.req.valid("query").against ?? number - 1;
    const [after, before] = await Promise.all([getRevision(c.get("db"), id, number), getRevision(c.get("db"), id, against)]);
    const parts = textDiff(before.text, after.text);
    if (!parts) throw apiError(422, "too_different", "These revisions differ too much for a word diff; compare their texts side by side.");
    return c.json({ from: before.number, to: after.number, parts });
  })
  .get("/:id/claims", validate("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    await getArticleWithRevision(c.get("db"), id);
    return c.json({ items: await listArticleClaims(c.get("db"), id) });
  })
  .post("/:id/claims", validate("param", idParam), validate("json", claimCreateInput), async (c) => {
    const claim = await createClaim(c.get("db"), c.req.valid("param").id, c.req.valid("json"), c.get("user")!);
    notifyLive(c, claimChange("claim.created", claim));
    return c.json({ claim }, 201);
  });
