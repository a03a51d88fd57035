import { Hono, type Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { UiLanguage } from "../../schema/enums";
import type { AppEnv } from "../env";
import { renderVersion } from "../http/public-cache";
import { currentScale, publicPage, rememberScale, type BuiltPage } from "../http/public-memory";
import { statusPage } from "../http/errors";
import { siteConfig } from "../http/site-config";
import type { InputProblem } from "../../schema/field-issues";
import { validate } from "../http/validate";
import { ArticlePage } from "../pages/article-page";
import { ClaimPage } from "../pages/claim-page";
import { ClaimantPage } from "../pages/claimant-page";
import { HomePage } from "../pages/home-page";
import { pickUiLanguage } from "../pages/i18n";
import { SearchPage } from "../pages/search-page";
import type { SiteMessage } from "../pages/site-strings";
import { Refused } from "../queries/refusal";
import { publicArticleBySlug, publicClaimById } from "../queries/public";
import { publicSearch } from "../queries/search";
import { publicSearchQuery } from "../../schema/search-inputs";
import { publicClaimant, publicHome } from "../queries/public-lists";
import { annotationsResponse, wantsAnnotations } from "./annotations";

/** The reader's UI language; a ?lang= choice is remembered in a cookie. */
export function uiLanguage(c: Context<AppEnv>): UiLanguage {
  const query = c.req.query("lang");
  const ui = pickUiLanguage(query, getCookie(c, "lang"), c.req.header("accept-language"));
  if (query === ui) setCookie(c, "lang", ui, { path: "/", sameSite: "Lax", secure: true, maxAge: 365 * 24 * 3600 });
  return ui;
}

/** A page id from the URL; anything else is simply a page that does not exist (an HTML 404, not an API error). */
const publicId = (raw: string) => (/^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null);

/** The 404 page in the site's layout and the reader's language. */
const notFoundPage = (c: Context<AppEnv>) => statusPage(c, "notFound");

/** A public page from memory (worker/http/public-memory.ts), or the 404 page when there is no such page. */
export async function servePage(c: Context<AppEnv>, key: string, build: () => Promise<BuiltPage>) {
  return (await publicPage(c, `${key}:r${renderVersion}`, build)) ?? notFoundPage(c);
}

export const html = (jsx: unknown) => `<!doctype html>${jsx}`;

/** What the reader is told about a search field the site could not use. */
const searchProblem = (field: string): SiteMessage =>
  field === "from" || field === "to" ? "badSearchDate" : field === "state" ? "badSearchState" : field === "cursor" ? "badSearchPage" : field === "q" ? "badSearchQuery" : "badSearchFilter";

/** A search the site cannot run: an HTML 400 in the site's layout and the reader's language, with the search form. */
function refusedSearch(c: Context<AppEnv>, issues: Pick<InputProblem, "path">[]) {
  const problems = [...new Set(issues.map((i) => searchProblem(i.path.split(".")[0] ?? "")))];
  return statusPage(c, "badRequest", { query: (c.req.query("q") ?? "").trim().slice(0, 200), problems });
}

export const publicPages = new Hono<AppEnv>()
  // The workspace shell goes through the worker so that it gets the same CSP and secure headers.
  .get("/app/", async (c) => {
    const shell = await c.env.ASSETS.fetch(new Request(new URL("/app/", c.req.url)));
    return new Response(shell.body, shell);
  })
  .get("/", (c) => {
    const ui = uiLanguage(c);
    return servePage(c, `home:${ui}`, async () => {
      const { version, ...data } = await publicHome(c.get("db"));
      return { version, body: html(<HomePage {...data} ui={ui} />) };
    });
  })
  .get("/articles/:slug", (c) => {
    const slug = c.req.param("slug");
    if (wantsAnnotations(c)) return annotationsResponse(c, slug);
    const ui = uiLanguage(c);
    // An article is public only once it carries a public fact-check.
    return servePage(c, `article:${slug}:${ui}`, async () => {
      const data = await publicArticleBySlug(c.get("db"), slug);
      return data && data.claims.length > 0 ? { version: data.version, body: html(<ArticlePage {...data} ui={ui} site={siteConfig(c)} />) } : null;
    });
  })
  .get("/claims/:id", (c) => {
    const id = publicId(c.req.param("id"));
    if (!id) return notFoundPage(c);
    const ui = uiLanguage(c);
    return servePage(c, `claim:${id}:${ui}`, async () => {
      const data = await publicClaimById(c.get("db"), id);
      return data && { version: data.version, body: html(<ClaimPage {...data} ui={ui} site={siteConfig(c)} />) };
    });
  })
  .get("/claimants/:id", validate("query", z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) })), (c) => {
    const id = publicId(c.req.param("id"));
    if (!id) return notFoundPage(c);
    const { page } = c.req.valid("query");
    const ui = uiLanguage(c);
    return servePage(c, `claimant:${id}:${page}:${ui}`, async () => {
      const data = await publicClaimant(c.get("db"), id, page);
      return data && { version: data.version, body: html(<ClaimantPage {...data} ui={ui} />) };
    });
  })
  .get("/search", validate("query", publicSearchQuery, refusedSearch), async (c) => {
    const { kind, ...query } = c.req.valid("query");
    const ui = uiLanguage(c);
    try {
      return await servePage(c, `search:${JSON.stringify({ kind, ...query })}:${ui}`, async () => {
        // A warm isolate knows the scale and the version: a new query then reads only its results.
        const { version, ...found } = await publicSearch(c.get("db"), { ...query, only: kind }, currentScale());
        rememberScale(version, found.scale);
        return { version, body: html(<SearchPage filters={query} {...found} ui={ui} />) };
      });
    } catch (err) {
      // A "more" link whose cursor is not one of ours.
      if (err instanceof Refused && err.code === "invalid_cursor") return refusedSearch(c, [{ path: "cursor" }]);
      throw err;
    }
  });
