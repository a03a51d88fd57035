/**
 * ClaimReview (schema.org) for the public fact-checks: what search engines and fact-check
 * aggregators read from each public page.
 */
import type { Claim, ClaimReview, CreativeWork, Organization, Person, Rating, WithContext } from "schema-dts";
import { uiLanguages, type UiLanguage } from "../../schema/enums";
import { ratingBounds, ratingFor, ratingLabel, ratingScale, type Scale } from "../../schema/rating-scale";
import { explanationText } from "./explanation-html";
import type { PublicArticle, PublicClaim, SiteConfig } from "./public-view";

/** The site's address without a trailing slash, so paths join cleanly. */
function siteRoot(site: SiteConfig): string {
  return site.baseUrl.replace(/\/+$/, "");
}

/** The public permalink of a claim: the ClaimReview's `url` and the base of its annotation IRI. */
export function claimPermalink(site: SiteConfig, claim: Pick<PublicClaim, "id">): string {
  return `${siteRoot(site)}/claims/${claim.id}`;
}

/** The public page of an article, where our copy of its text is shown with the claims highlighted. */
export function articlePageUrl(site: SiteConfig, article: Pick<PublicArticle, "slug">): string {
  return `${siteRoot(site)}/articles/${encodeURIComponent(article.slug)}`;
}

const dateTimePattern = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A stored timestamp as an ISO 8601 UTC date-time ending in "Z", or null when it is not one.
 * A time without a zone is UTC, as SQLite writes it; a bare date means its midnight UTC.
 */
export function utcDateTime(value: string | null | undefined): string | null {
  const m = typeof value === "string" ? dateTimePattern.exec(value.trim()) : null;
  if (!m) return null;
  const [, date, time = "00:00:00", zone = "Z"] = m;
  const ms = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}${zone.toUpperCase()}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The language for an article's verdict labels: its own language when the scale has labels in it, else English. */
export function labelLanguage(article: Pick<PublicArticle, "language">): UiLanguage {
  const primary = article.language.toLowerCase().split(/[-_]/)[0];
  return (uiLanguages as readonly string[]).includes(primary) ? (primary as UiLanguage) : "en";
}

function reviewRating(ratingKey: string, lang: UiLanguage, scale: Scale): Rating {
  const rating = ratingFor(ratingKey, scale);
  const alternateName = ratingLabel(ratingKey, lang, scale);
  // Google reads the verdict from alternateName and treats ratingValue, bestRating and worstRating as
  // "for numeric ratings". "Unverifiable" is not a point on the 1..6 scale: giving it a number would
  // rank it between true and false, and giving bounds without a value describes a scale nothing is on.
  // So an unrated verdict is textual only.
  if (!rating || rating.value === null) return { "@type": "Rating", alternateName };
  return {
    "@type": "Rating",
    ratingValue: rating.value,
    bestRating: ratingBounds.best,
    worstRating: ratingBounds.worst,
    alternateName,
  };
}

function claimant(claim: PublicClaim): Person | Organization | undefined {
  if (!claim.claimant) return undefined;
  const { name, kind } = claim.claimant;
  return kind === "organization" ? { "@type": "Organization", name } : { "@type": "Person", name };
}

/** Where the claim appeared: the original article (its URL when we know it), never our copy of it. */
function appearance(article: PublicArticle): CreativeWork {
  return {
    "@type": "CreativeWork",
    ...(article.sourceUrl ? { url: article.sourceUrl } : {}),
    headline: article.title,
    inLanguage: article.language,
    ...(article.publisher ? { publisher: { "@type": "Organization", name: article.publisher } } : {}),
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
  };
}

function itemReviewed(claim: PublicClaim, article: PublicArticle): Claim {
  const author = claimant(claim);
  // firstAppearance is left out on purpose: we know where we found the claim, not where it was first
  // made, and saying "first" without knowing it would be a claim of our own that nobody checked.
  return {
    "@type": "Claim",
    ...(author ? { author } : {}),
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
    // "The same claim" in several articles: one verdict, and each appearance listed.
    appearance: claim.otherAppearances?.length ? [appearance(article), ...claim.otherAppearances.map(appearance)] : appearance(article),
  };
}

function citations(claim: PublicClaim): CreativeWork[] {
  return claim.sources.map((s) => ({
    "@type": "CreativeWork",
    url: s.url,
    ...(s.title ? { name: s.title } : {}),
    ...(s.publisher ? { publisher: { "@type": "Organization", name: s.publisher } } : {}),
    ...(s.publishedAt ? { datePublished: s.publishedAt } : {}),
  }));
}

/**
 * The ClaimReview of a public claim, or null when there is nothing honest to publish: a retracted
 * verdict, or a claim without a quote.
 *
 * A retracted verdict is left out rather than marked: aggregators copy the rating and show it beside
 * the claim, and no field of ClaimReview makes them show "withdrawn" instead. Leaving it out lets
 * their next crawl drop it, while the public page and the Web Annotation export keep the history.
 * A corrected verdict stays, with its public note as `correction` and the change in `dateModified`.
 */
export function toClaimReview(
  claim: PublicClaim,
  article: PublicArticle,
  site: SiteConfig,
  lang: UiLanguage = labelLanguage(article),
  scale: Scale = ratingScale,
): WithContext<ClaimReview> | null {
  if (claim.state === "retracted" || claim.exact === "") return null;
  const published = utcDateTime(claim.publishedAt) ?? claim.publishedAt;
  const modified = utcDateTime(claim.updatedAt) ?? claim.updatedAt;
  const body = explanationText(claim.explanation);
  const cited = citations(claim);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: claimPermalink(site, claim),
    claimReviewed: claim.exact,
    datePublished: published,
    dateModified: modified,
    author: { "@type": "Organization", name: site.publisherName, url: site.publisherUrl },
    reviewRating: reviewRating(claim.ratingKey, lang, scale),
    itemReviewed: itemReviewed(claim, article),
    ...(body ? { reviewBody: body } : {}),
    ...(cited.length > 0 ? { citation: cited } : {}),
    ...(claim.state === "corrected" && claim.publicNote ? { correction: claim.publicNote } : {}),
  };
}

/** The ClaimReviews of an article's public claims, leaving out those toClaimReview leaves out. */
export function toClaimReviews(
  claims: readonly PublicClaim[],
  article: PublicArticle,
  site: SiteConfig,
  lang?: UiLanguage,
  scale: Scale = ratingScale,
): WithContext<ClaimReview>[] {
  return claims.flatMap((c) => toClaimReview(c, article, site, lang, scale) ?? []);
}

/**
 * JSON for the inside of a `<script>` element. `<`, `>` and `&` become \u escapes so no string can
 * close the element (`</script>`) or open a comment (`<!--`); U+2028 and U+2029 are escaped because
 * older JavaScript parsers end a line at them. The result is still JSON and parses to the same value.
 */
export function scriptSafeJson(value: unknown): string {
  const json = JSON.stringify(value) ?? "null";
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * ClaimReview JSON-LD for a `<script type="application/ld+json">` element: one object for one review,
 * an array for several, and null when there is nothing to embed (so the page emits no element).
 */
export function claimReviewJsonLd(reviews: WithContext<ClaimReview> | readonly WithContext<ClaimReview>[]): string | null {
  const list = Array.isArray(reviews) ? reviews : [reviews];
  if (list.length === 0) return null;
  return scriptSafeJson(list.length === 1 ? list[0] : list);
}
