/**
 * What the public can see, held to the model: every verdict and highlight shown is one the model says
 * a second person approved, and nothing in draft, in review or approved shows at all.
 */
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { ratingLabel } from "../../../schema/rating-scale";
import { pageHighlights, publicAnnotations } from "../public-read";
import { call, json, type Staff } from "../support";
import { isPlaced, isPublic, type Model } from "./model";

const ids = (text: string, pattern: RegExp) => new Set([...text.matchAll(pattern)].map((m) => Number(m[1])));
const sorted = (set: Iterable<number>) => [...set].sort((a, b) => a - b);

async function get(path: string, as?: Staff) {
  const res = await call(path, { as });
  expect(res.status, path).toBeLessThan(500);
  return res;
}

/** Check every public surface after every step, not only the article page (slower; the long runs use it). */
const everySurfaceEveryStep = env.MODEL_FULL_CHECKS === "1";

/** After every step: the article page (highlights, ClaimReview JSON-LD), and with MODEL_FULL_CHECKS every other surface too. */
export async function checkPublic(m: Model) {
  if (everySurfaceEveryStep) await checkSurfaces(m);
  else await checkArticle(m, false);
}

/** The article page and, with `withExport`, its W3C export. */
async function checkArticle(m: Model, withExport: boolean) {
  const visible = m.claims.filter(isPublic);
  const [page, exported] = await Promise.all([get(`/articles/${m.slug}`), withExport ? publicAnnotations(m.slug) : null]);
  expect(page.status, "the article page is public exactly when a claim on it is").toBe(visible.length ? 200 : 404);
  const html = await page.text();
  if (page.status !== 200) return expect(exported?.size ?? 0).toBe(0);

  const shown = [...pageHighlights(html)].map(([id, exact]) => ({ id, exact }));
  const placed = visible.filter(isPlaced);
  const highlightable = new Set(placed.map((c) => c.id));
  for (const h of shown) expect(highlightable.has(h.id), `highlight of claim ${h.id}`).toBe(true);
  expect(shown.filter((h) => placed.some((c) => c.id === h.id && c.state !== "retracted"))).toEqual(
    expect.arrayContaining(placed.filter((c) => c.state !== "retracted").map((c) => ({ id: c.id, exact: c.exact }))),
  );
  for (const h of shown) expect(h.exact).toBe(placed.find((c) => c.id === h.id)!.exact);

  const reviews = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)]
    .map((s) => JSON.parse(s[1]))
    .filter((j) => j["@type"] === "ClaimReview")
    .map((j) => ({ id: Number(/\/claims\/(\d+)/.exec(j.url)![1]), exact: j.claimReviewed, rating: j.reviewRating.alternateName }));
  const reviewed = visible.filter((c) => c.state !== "retracted");
  expect(sorted(reviews.map((r) => r.id)), "ClaimReviews").toEqual(sorted(reviewed.map((c) => c.id)));
  for (const r of reviews) {
    const c = reviewed.find((x) => x.id === r.id)!;
    expect(r).toEqual({ id: c.id, exact: c.exact, rating: ratingLabel(c.ratingKey!, "en") });
  }

  if (!exported) return;
  expect(sorted(exported.keys()), "W3C export").toEqual(sorted(highlightable));
  for (const a of exported.values()) {
    const c = placed.find((x) => x.id === a.id)!;
    expect({ id: a.id, tag: a.tag, exact: a.exact }).toEqual({ id: c.id, tag: c.state === "retracted" ? "retracted" : c.ratingKey, exact: c.exact });
  }
}

/** After each sequence: staff read-back of everything, then every public surface. */
export async function checkFinal(m: Model, admin: Staff) {
  const staff = await json(await get(`/api/articles/${m.articleId}/claims`, admin));
  const readBack = (staff.items as Record<string, unknown>[]).map((c) => ({ id: c.id, version: c.version, state: c.state, ratingKey: c.ratingKey, exact: c.exact, anchorStatus: c.anchorStatus }));
  expect(sorted(readBack.map((c) => c.id as number))).toEqual(sorted(m.claims.map((c) => c.id)));
  for (const c of m.claims) {
    expect(readBack.find((x) => x.id === c.id)).toEqual({ id: c.id, version: c.version, state: c.state, ratingKey: c.ratingKey, exact: c.exact, anchorStatus: c.anchorStatus });
  }
  for (const claimant of m.claimants.values()) {
    const staffView = (await json(await get(`/api/claimants/${claimant.id}`, admin))).claimant;
    expect(staffView).toMatchObject({ description: claimant.description, publicDescription: claimant.publicDescription, version: claimant.version });
  }
  await checkSurfaces(m);
}

/** The article page with its export, the claimant pages, the feed and search. */
async function checkSurfaces(m: Model) {
  await checkArticle(m, true);
  const visible = m.claims.filter(isPublic);
  for (const [name, claimant] of m.claimants) {
    const theirs = visible.filter((c) => c.claimant === name);
    const res = await get(`/claimants/${claimant.id}`);
    expect(res.status, `claimant page of ${name}`).toBe(theirs.length ? 200 : 404);
    const html = await res.text();
    if (res.status !== 200) {
      expect(html).not.toContain(name);
      continue;
    }
    expect(sorted(ids(html, /href="\/claims\/(\d+)"/g))).toEqual(sorted(theirs.map((c) => c.id)));
    if (claimant.publicDescription) expect(html).toContain(claimant.publicDescription);
    if (claimant.description && claimant.description !== claimant.publicDescription) expect(html).not.toContain(claimant.description);
  }

  const ours = new Set(m.claims.map((c) => c.id));
  const feed = await (await get("/feed.xml")).text();
  expect(sorted([...ids(feed, /<id>[^<]*\/claims\/(\d+)<\/id>/g)].filter((id) => ours.has(id))), "feed").toEqual(sorted(visible.map((c) => c.id)));
  // Search finds a fact-check by the words of its own quote: every visible claim of this model, and no other of
  // its claims, is found by one of the phrases' words (newest first, so this model's claims come before older runs').
  const found = new Set<number>();
  for (const word of ["schools", "bridges", "posts", "alpha", "beta"]) {
    const page = await (await get(`/search?q=${word}&kind=claims&limit=50`)).text();
    for (const id of ids(page, /href="\/claims\/(\d+)"/g)) if (ours.has(id)) found.add(id);
  }
  expect(sorted([...found]), "search by the quotes' words").toEqual(sorted(visible.map((c) => c.id)));
  // A word only this article has: the article is found while it has a public fact-check, and only then.
  const search = await (await get(`/search?q=r${m.seq}x&kind=articles`)).text();
  const main = search.slice(search.indexOf("<main"));
  expect(main.includes('class="article-list search-articles"'), `search r${m.seq}x: ${main.slice(0, 600)}`).toBe(visible.length > 0);
}
