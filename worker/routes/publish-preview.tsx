import { Hono } from "hono";
import { z } from "zod";
import { uiLanguages } from "../../schema/enums";
import { idParam } from "../../schema/inputs";
import { decideTransition } from "../../schema/workflow";
import { toClaimReview } from "../domain/claimreview";
import type { AppEnv } from "../env";
import { siteConfig } from "../http/site-config";
import { validate } from "../http/validate";
import { requireStaff } from "../middleware/auth";
import { getClaimDetail } from "../queries/claims";
import { publishPreview } from "../queries/publish-preview";
import { ClaimCard } from "../pages/claim-card";

/** GET /api/claims/:id/publish-preview: the public card as it will render, the ClaimReview, and whether the reader may publish. */
export const publishPreviewRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .get("/:id/publish-preview", validate("param", idParam), validate("query", z.object({ ui: z.enum(uiLanguages).default("en") })), async (c) => {
    const db = c.get("db");
    const id = c.req.valid("param").id;
    const { ui } = c.req.valid("query");
    const [detail, preview] = await Promise.all([getClaimDetail(db, id), publishPreview(db, id, new Date().toISOString())]);
    const decision = decideTransition(c.get("user")!, detail, "publish");
    const card = (<ClaimCard claim={preview.claim} article={preview.article} ui={ui} scale={preview.scale} headingLevel={3} />).toString();
    return c.json({
      cardHtml: await card,
      claimReview: toClaimReview(preview.claim, preview.article, siteConfig(c), ui, preview.scale),
      publicPath: `/claims/${id}`,
      publishable: decision.ok ? { ok: true as const } : { ok: false as const, reason: decision.reason },
    });
  });
