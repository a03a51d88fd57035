import { Hono } from "hono";
import { ratingLabel } from "../../schema/rating-scale";
import type { AppEnv } from "../env";
import { publicCacheControl } from "../http/public-cache";
import { publicPage } from "../http/public-memory";
import { publicFeed, publicSitemapIndex, publicSitemapPart } from "../queries/public-lists";

/** XML text and attribute escaping. */
const xml = (s: string) => s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const xmlType = "application/xml; charset=utf-8";
const notFound = (c: { text: (s: string, status: 404) => Response }) => c.text("Not found", 404);

export const feedRoutes = new Hono<AppEnv>()
  .get("/feed.xml", async (c) => {
    const origin = new URL(c.req.url).origin;
    const page = await publicPage(c, `feed:${origin}`, async () => {
      const { items, scale, version } = await publicFeed(c.get("db"), 50);
      const updated = items[0]?.claim.updatedAt ?? "1970-01-01T00:00:00.000Z";
      const entries = items
        .map(({ claim, article }) => {
          const title = `${ratingLabel(claim.ratingKey, "en", scale)}: “${claim.exact}”`;
          return `<entry><id>${origin}/claims/${claim.id}</id><title>${xml(title)}</title><link href="${origin}/claims/${claim.id}"/><published>${claim.publishedAt}</published><updated>${claim.updatedAt}</updated>${claim.claimant ? `<author><name>${xml(claim.claimant.name)}</name></author>` : ""}<summary>${xml(`${claim.state === "published" ? "" : `[${claim.state}] `}${article.title}`)}</summary></entry>`;
        })
        .join("");
      const body = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>${origin}/</id><title>${xml(c.env.PUBLISHER_NAME)} fact-checks</title><updated>${updated}</updated><author><name>${xml(c.env.PUBLISHER_NAME)}</name></author><link rel="self" href="${origin}/feed.xml"/>${entries}</feed>`;
      return { body, version, contentType: "application/atom+xml; charset=utf-8" };
    });
    return page ?? notFound(c);
  })
  // A sitemap index (the protocol allows 50,000 URLs a file): one file a block of article or claim ids.
  .get("/sitemap.xml", async (c) => {
    const origin = new URL(c.req.url).origin;
    const page = await publicPage(c, `sitemap:${origin}`, async () => {
      const { articleBlocks, claimBlocks, version } = await publicSitemapIndex(c.get("db"));
      const entry = (file: string, lastmod: string | null) => `<sitemap><loc>${origin}/sitemaps/${file}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}</sitemap>`;
      const body = `<?xml version="1.0" encoding="utf-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${[
        `<sitemap><loc>${origin}/sitemaps/home.xml</loc></sitemap>`,
        ...articleBlocks.map((b) => entry(`articles-${b.block}.xml`, b.lastmod)),
        ...claimBlocks.map((b) => entry(`claims-${b.block}.xml`, b.lastmod)),
      ].join("")}</sitemapindex>`;
      return { body, version, contentType: xmlType };
    });
    return page ?? notFound(c);
  })
  .get("/sitemaps/:file", async (c) => {
    const origin = new URL(c.req.url).origin;
    const file = c.req.param("file");
    const urlset = (urls: string[]) => `<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join("")}</urlset>`;
    if (file === "home.xml") return c.body(urlset([`<url><loc>${origin}/</loc></url>`]), 200, { "content-type": xmlType, "cache-control": publicCacheControl });
    const part = /^(articles|claims)-(\d{1,6})\.xml$/.exec(file);
    if (!part) return notFound(c);
    const page = await publicPage(c, `sitemap:${origin}:${file}`, async () => {
      const { urls, version } = await publicSitemapPart(c.get("db"), part[1] as "articles" | "claims", Number(part[2]));
      if (urls.length === 0) return null;
      return { body: urlset(urls.map((u) => `<url><loc>${origin}${xml(u.path)}</loc><lastmod>${u.lastmod}</lastmod></url>`)), version, contentType: xmlType };
    });
    return page ?? notFound(c);
  })
  .get("/robots.txt", (c) => {
    const origin = new URL(c.req.url).origin;
    return c.text(`User-agent: *\nDisallow: /app/\nDisallow: /api/\nAllow: /api/public/\nSitemap: ${origin}/sitemap.xml\n`, 200, { "cache-control": publicCacheControl });
  });
