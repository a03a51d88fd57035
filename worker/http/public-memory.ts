import type { Context } from "hono";
import type { Scale } from "../../schema/rating-scale";
import type { AppEnv } from "../env";
import { contentEtag, notModified, publicCacheControl } from "./public-cache";

/**
 * Public pages from this isolate's memory: a warm page costs no D1 round trip and no cache lookup.
 *
 * Every page is kept under the version of `public_state` (migration 0025) that was read in the same
 * batch as the page's data, so a cold page costs one round trip. Freshness is checked in the
 * background (`waitUntil`), at most once every `freshnessInterval` ms an isolate: a change made
 * anywhere reaches this isolate's readers with the next request after the next check, within about
 * two intervals of a steady stream of readers. A write committed through this isolate marks the
 * memory stale at once (`publicWriteCommitted`), so its author never reads an older page, and checks
 * the version straight away in the background: a write that changed nothing public (a draft's autosave)
 * costs that one read after its response, not a round trip on the next public page.
 */

/** The isolate's clock; tests set `now` to move time on. */
export const publicClock = { now: (): number => Date.now() };

/** At most one background version check a second, an isolate. */
export const freshnessInterval = 1000;

/** Pages kept, least recently served first out. */
const pageLimit = 500;

export interface PublicPage {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  contentType: string;
}

/** What a page's builder returns: its body and the public version read with its data, or null for "no such page". */
export type BuiltPage = { body: string; version: number; contentType?: string } | null;

/** `writes` counts writes committed here: a read that began before the latest one cannot vouch for freshness. */
const known = { version: 0, checkedAt: Number.NEGATIVE_INFINITY, checking: false, stale: true, writes: 0 };
const pages = new Map<string, { version: number; page: PublicPage }>();
/** The rating scale's wording as last read, with the public version read beside it. */
let scaleRead: { version: number; scale: Scale } | null = null;
const encoder = new TextEncoder();

/**
 * A write that may change public pages committed in this isolate: pages are not served from memory
 * until a version read that began after it comes back, which this starts at once in the background.
 */
export function publicWriteCommitted(c: Context<AppEnv>) {
  known.stale = true;
  known.writes++;
  checkInBackground(c, publicClock.now(), true);
}

/** Forget every page and version (tests that empty the database under the app call this). */
export function forgetPublicPages() {
  pages.clear();
  scaleRead = null;
  Object.assign(known, { version: 0, checkedAt: Number.NEGATIVE_INFINITY, checking: false, stale: true, writes: 0 });
}

/** A builder read the scale's wording with public version `version`. */
export function rememberScale(version: number, scale: Scale) {
  if (!scaleRead || version >= scaleRead.version) scaleRead = { version, scale };
}

/**
 * The scale and the public version, when this isolate knows both to be current: its memory is fresh
 * (pages are served from it) and the scale was read at the version it knows. A page built on a new query
 * (search) then reads only its results, and is kept under that version like the pages already held.
 */
export function currentScale(): { version: number; scale: Scale } | null {
  return !known.stale && scaleRead && scaleRead.version === known.version ? scaleRead : null;
}

/** How many pages this isolate holds (tests and benchmarks). */
export const publicPagesHeld = () => pages.size;

/** A version read at `at`, which began when `writes` writes had been committed here. */
function learn(version: number, at: number, writes: number) {
  if (version > known.version) known.version = version;
  known.checkedAt = Math.max(known.checkedAt, at);
  if (writes === known.writes) known.stale = false;
}

/** Reads `public_state` after the response, unless a check ran less than a second ago (or `now` says a write just committed). */
function checkInBackground(c: Context<AppEnv>, now: number, afterWrite = false) {
  if (!afterWrite && (known.checking || now - known.checkedAt < freshnessInterval)) return;
  const writes = known.writes;
  if (!afterWrite) known.checking = true;
  known.checkedAt = Math.max(known.checkedAt, now);
  const check = c.env.DB.prepare("select version from public_state where id = 1")
    .first<{ version: number }>()
    .then((row) => {
      if (row) learn(row.version, now, writes);
    })
    .catch(() => {
      // A failed check is retried with the next request after the interval; readers keep the pages they have.
    })
    .finally(() => {
      if (!afterWrite) known.checking = false;
    });
  try {
    c.executionCtx.waitUntil(check);
  } catch {
    // No execution context (app.request in a test): the promise runs on by itself.
  }
}

function respond(c: Context<AppEnv>, page: PublicPage): Response {
  return (
    notModified(c, page.etag) ??
    c.body(page.body, 200, { etag: page.etag, "cache-control": publicCacheControl, vary: "Accept, Accept-Language, Cookie", "content-type": page.contentType })
  );
}

/**
 * The page under `key` (which must name everything the page depends on but the data: path, query,
 * language), from memory when it is as new as the last version seen, else built by `build`.
 * Returns null when `build` finds no such page.
 */
export async function publicPage(c: Context<AppEnv>, key: string, build: () => Promise<BuiltPage>): Promise<Response | null> {
  const now = publicClock.now();
  const held = known.stale ? undefined : pages.get(key);
  if (held && held.version === known.version) {
    checkInBackground(c, now);
    pages.delete(key);
    pages.set(key, held);
    return respond(c, held.page);
  }
  const writes = known.writes;
  const built = await build();
  if (!built) return null;
  learn(built.version, now, writes);
  const body = new Uint8Array(encoder.encode(built.body));
  const page: PublicPage = { body, etag: await contentEtag(built.body), contentType: built.contentType ?? "text/html; charset=UTF-8" };
  pages.delete(key);
  if (pages.size >= pageLimit) pages.delete(pages.keys().next().value!);
  pages.set(key, { version: built.version, page });
  return respond(c, page);
}
