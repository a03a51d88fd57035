import { Hono, type Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { UiLanguage } from "../../schema/enums";
import type { AppEnv } from "../env";
import { cachedHtml, contentEtag, notModified, publicCacheControl, renderVersion } from "../http/public-cache";
import { siteConfig } from "../http/site-config";
import { validate } from "../http/validate";
import { ArticlePage } from "../pages/article-page";
import { ClaimPage } from "../pages/claim-page";
import { ClaimantPage } from "../pages/claimant-page";
import { HomePage } from "../pages/home-page";
import { pickUiLanguage } from "../pages/i18n";
import { SearchPage } from "../pages/search-page";
import { latestPublicClaims, publicArticleBySlug, publicArticleHead, publicArticles, publicClaimant, publicClaimById } from "../queries/public";
import { publicSearch } from "../queries/search";
import { publicSearchQuery } from "../../schema/search-inputs";
import { currentScale } from "../queries/ratings";
import { annotationsResponse, wantsAnnotations } from "./annotations";

/** The reader's UI language; a ?lang= choice is remembered in a cookie. */
function uiLanguage(c: Context<AppEnv>): UiLanguage {
  const query = c.req.query("lang");
  const ui = pickUiLanguage(query, getCookie(c, "lang"), c.req.header("accept-language"));
  if (query === ui) setCookie(c, "lang", ui, { path: "/", sameSite: "Lax", secure: true, maxAge: 365 * 24 * 3600 });
  return ui;
}

// Article pages negotiate HTML or W3C JSON-LD on Accept, and the language on Accept-Language and the cookie.
const publicHeaders = (etag: string) => ({ etag, "cache-control": publicCacheControl, vary: "Accept, Accept-Language, Cookie" });

/** An HTML page whose ETag is a hash of its content (pages not keyed by one article's version). */
async function htmlWithEtag(c: Context<AppEnv>, html: string) {
  const etag = await contentEtag(html);
  return notModified(c, etag) ?? c.html(html, 200, publicHeaders(etag));
}

/** A page id from the URL; anything else is simply a page that does not exist (an HTML 404, not an API error). */
const publicId = (raw: string) => (/^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null);

const notFoundPage = (c: Context<AppEnv>) => c.html("<!doctype html><title>Not found</title><h1>Not found</h1><p><a href=\"/\">Factline</a></p>", 404);

export const publicPages = new Hono<AppEnv>()
  // The workspace shell goes through the worker so that it gets the same CSP and secure headers.
  .get("/app/", async (c) => {
    const shell = await c.env.ASSETS.fetch(new Request(new URL("/app/", c.req.url)));
    return new Response(shell.body, shell);
  })
  .get("/", async (c) => {
    const ui = uiLanguage(c);
    const db = c.get("db");
    const [latest, articles, scale] = await Promise.all([latestPublicClaims(db, 20), publicArticles(db, 50), currentScale(db)]);
    return htmlWithEtag(c, `<!doctype html>${<HomePage latest={latest} articles={articles} ui={ui} scale={scale} />}`);
  })
  .get("/articles/:slug", async (c) => {
    const slug = c.req.param("slug");
    const db = c.get("db");
    const head = await publicArticleHead(db, slug);
    // An article is public only once it carries a public fact-check.
    if (!head || head.publicClaims === 0) return notFoundPage(c);
    if (wantsAnnotations(c)) return annotationsResponse(c, slug);
    const ui = uiLanguage(c);
    const etag = `W/"a${head.id}-${head.publicVersion}-${ui}-r${renderVersion}"`;
    const unchanged = notModified(c, etag);
    if (unchanged) return unchanged;
    const html = await cachedHtml(c, `article:${head.id}:${head.publicVersion}:${ui}:${renderVersion}`, async () => {
      const data = await publicArticleBySlug(db, slug);
      return data ? `<!doctype html>${<ArticlePage {...data} ui={ui} site={siteConfig(c)} />}` : null;
    });
    return html === null ? notFoundPage(c) : c.body(html, 200, { ...publicHeaders(etag), "content-type": "text/html; charset=UTF-8" });
  })
  .get("/claims/:id", async (c) => {
    const id = publicId(c.req.param("id"));
    const data = id ? await publicClaimById(c.get("db"), id) : null;
    if (!data) return notFoundPage(c);
    const ui = uiLanguage(c);
    return htmlWithEtag(c, `<!doctype html>${<ClaimPage {...data} ui={ui} site={siteConfig(c)} />}`);
  })
  .get("/claimants/:id", async (c) => {
    const id = publicId(c.req.param("id"));
    const data = id ? await publicClaimant(c.get("db"), id) : null;
    if (!data) return notFoundPage(c);
    return htmlWithEtag(c, `<!doctype html>${<ClaimantPage {...data} ui={uiLanguage(c)} />}`);
  })
  .get("/search", validate("query", publicSearchQuery), async (c) => {
    const { kind, ...query } = c.req.valid("query");
    const found = await publicSearch(c.get("db"), { ...query, only: kind });
    return htmlWithEtag(c, `<!doctype html>${<SearchPage filters={query} {...found} ui={uiLanguage(c)} />}`);
  });
