import { Hono, type Context } from "hono";
import { cors } from "hono/cors";
import { z } from "zod";
import { sourceKey } from "../domain/source-key";
import { toAnnotationCollection } from "../domain/web-annotation";
import type { AppEnv } from "../env";
import { apiError } from "../http/errors";
import { publicCacheControl } from "../http/public-cache";
import { validate } from "../http/validate";
import { siteConfig } from "../http/site-config";
import { articleSlugBySourceKey } from "../queries/articles";
import { publicArticleBySlug } from "../queries/public";

/** One answer for "no such article" and "nothing published on it", so the API reveals no work in progress. */
const noPublicAnnotations = () => apiError(404, "not_found", "Factline has no published fact-checks for this page.");

const annoProfile = "http://www.w3.org/ns/anno.jsonld";
const annoType = `application/ld+json; profile="${annoProfile}"`;

/** Does the client ask for W3C Web Annotations rather than HTML? */
export function wantsAnnotations(c: Context<AppEnv>): boolean {
  const accept = c.req.header("accept") ?? "";
  return accept.includes("application/ld+json") && accept.includes(annoProfile);
}

/** The public claims of an article as a W3C AnnotationCollection. */
export async function annotationsResponse(c: Context<AppEnv>, slug: string) {
  const data = await publicArticleBySlug(c.get("db"), slug);
  if (!data || data.claims.length === 0) throw noPublicAnnotations();
  // Only claims anchored in the current text: a changed or orphaned one's positions point into an older revision.
  const placed = data.claims.filter((claim) => data.placed.has(claim.id));
  const body = toAnnotationCollection(placed, data.article, siteConfig(c), undefined, data.scale);
  return c.body(JSON.stringify(body), 200, { "content-type": annoType, "cache-control": publicCacheControl, vary: "Accept" });
}

export const annotationRoutes = new Hono<AppEnv>().get("/articles/:slug/annotations", (c) => annotationsResponse(c, c.req.param("slug")));

/** The public read API: open to every origin (the embeddable widget runs on publishers' pages), read-only. */
export const publicApi = new Hono<AppEnv>()
  .use(cors({ origin: "*", allowMethods: ["GET"], maxAge: 86400 }))
  .get("/annotations", validate("query", z.object({ url: z.url({ protocol: /^https?$/ }).max(2048) })), async (c) => {
    const key = sourceKey(c.req.valid("query").url);
    const slug = key ? await articleSlugBySourceKey(c.get("db"), key) : undefined;
    if (!slug) throw noPublicAnnotations();
    return annotationsResponse(c, slug);
  });
