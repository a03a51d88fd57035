import type { Context } from "hono";

/** Bump when the public templates change, so pages of the old templates are not served from memory. */
export const renderVersion = "3";

/** Browsers and CDNs may reuse a public page for a minute, and serve it stale while they revalidate. */
export const publicCacheControl = "public, max-age=60, stale-while-revalidate=600";

/** A 304 when the client already has this version; otherwise null. */
export function notModified(c: Context, etag: string): Response | null {
  const ifNoneMatch = c.req.header("if-none-match");
  if (!ifNoneMatch) return null;
  const matches = ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*");
  return matches ? c.body(null, 304, { etag, "cache-control": publicCacheControl, vary: "Accept, Accept-Language, Cookie" }) : null;
}

/** A strong-enough ETag for content that was not looked up by version: a short hash of the body. */
export async function contentEtag(body: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(body));
  return `W/"${[...new Uint8Array(digest)].slice(0, 10).map((b) => b.toString(16).padStart(2, "0")).join("")}"`;
}
