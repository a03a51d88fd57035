import type { Context } from "hono";

/** Bump when the public templates change, so cached pages of the old templates are not served. */
export const renderVersion = "3";

/** Browsers and CDNs may reuse a public page for a minute, and serve it stale while they revalidate. */
export const publicCacheControl = "public, max-age=60, stale-while-revalidate=600";

/** Kept encoded: a hit then costs no UTF-8 encoding of the page. */
const memory = new Map<string, Uint8Array<ArrayBuffer>>();
const encoder = new TextEncoder();
const memoryLimit = 256;

/**
 * Rendered HTML by a versioned key: this isolate's memory first, then the Workers Cache API, then
 * `render`. Keys carry the article's public version, so a publish, correction or retraction moves
 * every reader to a new key at once; nothing is ever purged.
 */
export async function cachedHtml(c: Context, key: string, render: () => Promise<string | null>): Promise<Uint8Array<ArrayBuffer> | null> {
  const hit = memory.get(key);
  if (hit !== undefined) return hit;
  const cacheUrl = `https://cache.factline.internal/${encodeURIComponent(key)}`;
  const cache = (globalThis as { caches?: CacheStorage & { default?: Cache } }).caches?.default;
  const cached = await cache?.match(cacheUrl);
  let html = cached ? new Uint8Array(await cached.arrayBuffer()) : null;
  if (html === null) {
    const rendered = await render();
    if (rendered === null) return null;
    html = new Uint8Array(encoder.encode(rendered));
    const stored = new Response(html, { headers: { "cache-control": "public, max-age=86400" } });
    c.executionCtx.waitUntil(cache?.put(cacheUrl, stored) ?? Promise.resolve());
  }
  if (memory.size >= memoryLimit) memory.delete(memory.keys().next().value!);
  memory.set(key, html);
  return html;
}

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
