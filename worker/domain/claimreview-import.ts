import { detectLanguage } from "./language";

/** One fact-check read from another organisation's ClaimReview. */
export interface ExternalReview {
  claim: string;
  title: string | null;
  /** The organisation's own wording of its verdict. */
  rating: string | null;
  organisation: string | null;
  url: string | null;
  reviewedAt: string | null;
  language: string;
}

type Node = Record<string, unknown>;

const jsonLdScripts = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

/** The JSON-LD documents of a page, or the document itself when the input is JSON. Unparsable blocks are skipped. */
function documents(input: string): unknown[] {
  const trimmed = input.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return [JSON.parse(trimmed)];
  const found: unknown[] = [];
  for (const m of trimmed.matchAll(jsonLdScripts)) {
    try {
      found.push(JSON.parse(decodeEntities(m[1]!.trim().replace(/^<!--|-->$/g, ""))));
    } catch {
      // One broken block on a page must not hide the others.
    }
  }
  return found;
}

/** Publishers sometimes escape JSON-LD as HTML text; only the entities that JSON itself needs. */
function decodeEntities(s: string): string {
  return s.includes("&quot;") || s.includes("&#") ? s.replace(/&quot;/g, '"').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&") : s;
}

/** Every object with a ClaimReview type, wherever it sits (arrays, @graph, nested values). */
function claimReviewNodes(value: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(value)) for (const v of value) claimReviewNodes(v, out);
  else if (value && typeof value === "object") {
    const node = value as Node;
    const types = ([] as unknown[]).concat(node["@type"] ?? []);
    if (types.some((t) => t === "ClaimReview" || t === "schema:ClaimReview" || t === "https://schema.org/ClaimReview" || t === "http://schema.org/ClaimReview")) {
      out.push(node);
    }
    for (const v of Object.values(node)) if (v && typeof v === "object") claimReviewNodes(v, out);
  }
  return out;
}

const text = (v: unknown): string | null => {
  if (typeof v === "string") return v.trim() || null;
  if (Array.isArray(v)) return text(v[0]);
  if (v && typeof v === "object") return text((v as Node).name ?? (v as Node)["@value"]);
  return null;
};

/** An ISO date from a date or date-time; anything else is dropped rather than stored as a wrong date. */
const isoDate = (v: unknown): string | null => {
  const s = text(v);
  return s && /^\d{4}-\d\d-\d\d/.test(s) ? s.slice(0, 10) : null;
};

function ratingOf(v: unknown): string | null {
  const rating = (Array.isArray(v) ? v[0] : v) as Node | undefined;
  if (!rating || typeof rating !== "object") return text(v);
  const named = text(rating.alternateName) ?? text(rating.name);
  if (named) return named;
  const value = rating.ratingValue;
  if (value === undefined) return null;
  return rating.bestRating !== undefined ? `${value}/${rating.bestRating}` : String(value);
}

function toReview(node: Node): ExternalReview | null {
  const claim = text(node.claimReviewed) ?? text((node.itemReviewed as Node | undefined)?.name);
  if (!claim) return null;
  const url = text(node.url) ?? text(node["@id"]);
  return {
    claim: claim.slice(0, 2000),
    title: text(node.headline) ?? text(node.name),
    rating: ratingOf(node.reviewRating),
    organisation: text(node.author) ?? text(node.publisher),
    url: url && /^https?:\/\//.test(url) ? url : null,
    reviewedAt: isoDate(node.datePublished) ?? isoDate(node.dateCreated),
    language: text(node.inLanguage)?.toLowerCase() ?? detectLanguage(claim),
  };
}

/**
 * The ClaimReviews in a JSON-LD file or an HTML page that carries them. Reviews without a claim are
 * skipped (there is nothing to match); a JSON file that does not parse throws, so the caller can say so.
 */
export function readClaimReviews(input: string): ExternalReview[] {
  return documents(input).flatMap((doc) => claimReviewNodes(doc)).flatMap((node) => toReview(node) ?? []);
}

/** What makes an import idempotent: the same review URL and claim is the same fact-check. */
export function externalKey(review: Pick<ExternalReview, "url" | "claim" | "organisation">): string {
  return `${review.url ?? review.organisation ?? ""}\n${review.claim.normalize("NFC").replace(/\s+/g, " ").trim()}`;
}
