import { Hono } from "hono";
import { ratingLabel } from "../../schema/rating-scale";
import type { AppEnv } from "../env";
import { contentEtag, notModified, publicCacheControl } from "../http/public-cache";
import { latestPublicClaims, publicArticles } from "../queries/public";
import { currentScale } from "../queries/ratings";

/** XML text and attribute escaping. */
const xml = (s: string) => s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export const feedRoutes = new Hono<AppEnv>()
  .get("/feed.xml", async (c) => {
    const origin = new URL(c.req.url).origin;
    const [items, scale] = await Promise.all([latestPublicClaims(c.get("db"), 50), currentScale(c.get("db"))]);
    const updated = items[0]?.claim.updatedAt ?? "1970-01-01T00:00:00.000Z";
    const entries = items
      .map(({ claim, article }) => {
        const title = `${ratingLabel(claim.ratingKey, "en", scale)}: “${claim.exact}”`;
        return `<entry><id>${origin}/claims/${claim.id}</id><title>${xml(title)}</title><link href="${origin}/claims/${claim.id}"/><published>${claim.publishedAt}</published><updated>${claim.updatedAt}</updated>${claim.claimant ? `<author><name>${xml(claim.claimant.name)}</name></author>` : ""}<summary>${xml(`${claim.state === "published" ? "" : `[${claim.state}] `}${article.title}`)}</summary></entry>`;
      })
      .join("");
    const body = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>${origin}/</id><title>${xml(c.env.PUBLISHER_NAME)} fact-checks</title><updated>${updated}</updated><author><name>${xml(c.env.PUBLISHER_NAME)}</name></author><link rel="self" href="${origin}/feed.xml"/>${entries}</feed>`;
    const etag = await contentEtag(body);
    return notModified(c, etag) ?? c.body(body, 200, { "content-type": "application/atom+xml; charset=utf-8", etag, "cache-control": publicCacheControl });
  })
  .get("/sitemap.xml", async (c) => {
    const origin = new URL(c.req.url).origin;
    const [articles, claims] = await Promise.all([publicArticles(c.get("db"), 5000), latestPublicClaims(c.get("db"), 5000)]);
    const urls = [
      `<url><loc>${origin}/</loc></url>`,
      ...articles.map((a) => `<url><loc>${origin}/articles/${xml(a.slug)}</loc><lastmod>${a.lastPublishedAt}</lastmod></url>`),
      ...claims.map(({ claim }) => `<url><loc>${origin}/claims/${claim.id}</loc><lastmod>${claim.updatedAt}</lastmod></url>`),
    ];
    const body = `<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join("")}</urlset>`;
    return c.body(body, 200, { "content-type": "application/xml; charset=utf-8", "cache-control": publicCacheControl });
  })
  .get("/robots.txt", (c) => {
    const origin = new URL(c.req.url).origin;
    return c.text(`User-agent: *\nDisallow: /app/\nDisallow: /api/\nAllow: /api/public/\nSitemap: ${origin}/sitemap.xml\n`, 200, { "cache-control": publicCacheControl });
  });
