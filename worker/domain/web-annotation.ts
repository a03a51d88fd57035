/**
 * W3C Web Annotation Data Model JSON-LD for the public fact-checks: what annotation tools such as
 * Hypothesis read. A claim is an annotation whose target is the quoted passage and whose bodies are
 * the verdict, its explanation and any public note.
 */
import type { UiLanguage } from "../../schema/enums";
import { ratingLabel, ratingScale, type Scale } from "../../schema/rating-scale";
import { articlePageUrl, claimPermalink, labelLanguage, utcDateTime } from "./claimreview";
import { codePointLength } from "../../schema/text/code-points";
import { explanationText } from "./explanation-html";
import type { PublicArticle, PublicClaim, SiteConfig } from "./public-view";
import type { TextSelector } from "./text-selector";

/** The JSON-LD context every Web Annotation document names. */
export const annotationContext = "http://www.w3.org/ns/anno.jsonld";

/** The quoted text with the context on either side that tells repeated quotes apart. */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Offsets in code points, as the model counts characters. */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/** A body whose content is given inline; `purpose` says what it does (the verdict, a tag, a comment). */
export interface TextualBody {
  type: "TextualBody";
  value: string;
  purpose: "assessing" | "commenting" | "tagging";
  format?: "text/plain";
  language?: string;
}

/** Who made an annotation (creator) or the software that serialised it (generator). */
export interface Agent {
  id: string;
  type: "Organization" | "Software";
  name: string;
  homepage?: string;
}

/** The passage assessed: a document and the selectors that find the quote in it. */
export interface AnnotationTarget {
  source: string;
  selector: (TextQuoteSelector | TextPositionSelector)[];
}

/** One claim as an annotation. `@context` is absent only when embedded in a page that carries it. */
export interface WebAnnotation {
  "@context"?: typeof annotationContext;
  id: string;
  type: "Annotation";
  motivation: "assessing" | "commenting";
  created?: string;
  modified?: string;
  creator: Agent;
  generator: Agent;
  body: TextualBody[];
  target: AnnotationTarget;
}

/** One page of a collection; its annotations inherit the collection's context. */
export interface AnnotationPage {
  id: string;
  type: "AnnotationPage";
  startIndex: number;
  items: Omit<WebAnnotation, "@context">[];
}

/** All public annotations of one article. */
export interface AnnotationCollection {
  "@context": typeof annotationContext;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first?: AnnotationPage;
}

/** The W3C selectors of a stored selector: the quote always, the position only when it spans the quote. */
export function toWebAnnotationSelectors(sel: TextSelector): [TextQuoteSelector] | [TextQuoteSelector, TextPositionSelector] {
  const quote: TextQuoteSelector = {
    type: "TextQuoteSelector",
    exact: sel.exact,
    ...(sel.prefix ? { prefix: sel.prefix } : {}),
    ...(sel.suffix ? { suffix: sel.suffix } : {}),
  };
  // A position that does not cover exactly the quote would point readers at other words; the quote
  // alone still anchors, so an inconsistent position is left out rather than published.
  const consistent =
    Number.isSafeInteger(sel.start) && Number.isSafeInteger(sel.end) && sel.start >= 0 && sel.end > sel.start && sel.end - sel.start === codePointLength(sel.exact);
  return consistent ? [quote, { type: "TextPositionSelector", start: sel.start, end: sel.end }] : [quote];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A stored selector from W3C selectors: a selector list, one selector, or a target holding them.
 * Null unless there is a non-empty TextQuoteSelector and a TextPositionSelector of the same length.
 */
export function fromWebAnnotationSelectors(input: unknown): TextSelector | null {
  const raw = isObject(input) && "selector" in input ? input.selector : input;
  const list = Array.isArray(raw) ? raw : [raw];
  const quote = list.find((s) => isObject(s) && s.type === "TextQuoteSelector") as Record<string, unknown> | undefined;
  const position = list.find((s) => isObject(s) && s.type === "TextPositionSelector") as Record<string, unknown> | undefined;
  if (!quote || !position) return null;
  const { exact, prefix = "", suffix = "" } = quote;
  const { start, end } = position;
  if (typeof exact !== "string" || exact === "" || typeof prefix !== "string" || typeof suffix !== "string") return null;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null;
  const [from, to] = [start as number, end as number];
  if (from < 0 || to <= from || to - from !== codePointLength(exact)) return null;
  return { exact, prefix, suffix, start: from, end: to };
}

function isAbsoluteUrl(value: string | null): value is string {
  if (!value) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function publisherAgent(site: SiteConfig): Agent {
  return { id: site.publisherUrl, type: "Organization", name: site.publisherName, homepage: site.publisherUrl };
}

function softwareAgent(site: SiteConfig): Agent {
  const root = site.baseUrl.replace(/\/+$/, "");
  return { id: `${root}/`, type: "Software", name: "Factline", homepage: `${root}/` };
}

function bodies(claim: PublicClaim, lang: UiLanguage, scale: Scale): TextualBody[] {
  const out: TextualBody[] = [];
  // A retracted verdict is no longer our assessment: its label, rating tag and explanation go, and
  // what remains says that it was retracted and why.
  if (claim.state !== "retracted") {
    out.push({ type: "TextualBody", purpose: "assessing", value: ratingLabel(claim.ratingKey, lang, scale), format: "text/plain", language: lang });
    out.push({ type: "TextualBody", purpose: "tagging", value: claim.ratingKey });
    const explanation = explanationText(claim.explanation);
    if (explanation) out.push({ type: "TextualBody", purpose: "commenting", value: explanation, format: "text/plain" });
  }
  if (claim.state !== "published") {
    if (claim.publicNote) out.push({ type: "TextualBody", purpose: "commenting", value: claim.publicNote, format: "text/plain" });
    out.push({ type: "TextualBody", purpose: "tagging", value: claim.state });
  }
  return out;
}

/**
 * A public claim as a Web Annotation, or null when it has no quote to point at.
 *
 * The target is the original article when we know its URL, so tools show the verdict where the claim
 * was made. The position counts code points in our canonical text of the article (the text of its
 * public page); on the original page it is a hint, and the quote with its context is what anchors.
 */
export function toWebAnnotation(
  claim: PublicClaim,
  article: PublicArticle,
  site: SiteConfig,
  lang: UiLanguage = labelLanguage(article),
  scale: Scale = ratingScale,
): WebAnnotation | null {
  if (claim.exact === "") return null;
  const created = utcDateTime(claim.publishedAt);
  const modified = utcDateTime(claim.updatedAt);
  return {
    "@context": annotationContext,
    id: `${claimPermalink(site, claim)}#annotation`,
    type: "Annotation",
    motivation: claim.state === "retracted" ? "commenting" : "assessing",
    ...(created ? { created } : {}),
    ...(modified ? { modified } : {}),
    creator: publisherAgent(site),
    generator: softwareAgent(site),
    body: bodies(claim, lang, scale),
    target: {
      source: isAbsoluteUrl(article.sourceUrl) ? article.sourceUrl : articlePageUrl(site, article),
      selector: toWebAnnotationSelectors(claim),
    },
  };
}

/** The IRI of an article's annotation collection. */
export function annotationCollectionId(site: SiteConfig, article: Pick<PublicArticle, "slug">): string {
  return `${articlePageUrl(site, article)}/annotations`;
}

/**
 * All public claims of an article as an AnnotationCollection with its only page embedded as `first`.
 * Retracted claims stay in it (as retractions), so the collection shows the same history as the page.
 */
export function toAnnotationCollection(
  claims: readonly PublicClaim[],
  article: PublicArticle,
  site: SiteConfig,
  lang?: UiLanguage,
  scale: Scale = ratingScale,
): AnnotationCollection {
  const id = annotationCollectionId(site, article);
  // The page inherits the collection's @context, so the embedded annotations do not repeat it.
  const items = claims.flatMap((c) => {
    const annotation = toWebAnnotation(c, article, site, lang, scale);
    if (!annotation) return [];
    const { "@context": _context, ...item } = annotation;
    return [item];
  });
  return {
    "@context": annotationContext,
    id,
    type: "AnnotationCollection",
    label: `${site.publisherName} fact-checks: ${article.title}`,
    total: items.length,
    // The model asks for `first` only when there is something in it; an empty page would be noise.
    ...(items.length > 0 ? { first: { id: `${id}#page-1`, type: "AnnotationPage" as const, startIndex: 0, items } } : {}),
  };
}
