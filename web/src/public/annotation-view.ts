/**
 * What the widget shows for each published fact-check, read from the W3C AnnotationCollection that
 * the public API serves. The JSON comes over the network into someone else's page, so it is read
 * defensively: anything unexpected is dropped, links must be http(s), and nothing is ever HTML.
 */
import type { PublicClaimState } from "../../../schema/enums";
import { ratingFor, type Rating } from "../../../schema/rating-scale";
import type { AnnotationCollection, TextualBody } from "../../../worker/domain/web-annotation";
import type { QuoteSelector } from "./quote-match";

/** One fact-check as the widget shows it. */
export interface ClaimView {
  /** The permalink's last path segment, e.g. "12" for /claims/12. */
  id: string;
  selector: QuoteSelector;
  /** The localised verdict label; null when the verdict was retracted (there is none to show). */
  label: string | null;
  tone: Rating["tone"];
  state: PublicClaimState;
  /** The explanation and any public note, as plain text paragraphs, in the order published. */
  comments: string[];
  permalink: string | null;
  sources: { url: string; title: string }[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const asString = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

/** The URL if it is absolute http(s), else null: a `javascript:` link must never reach a page. */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function quoteSelector(target: unknown): QuoteSelector | null {
  if (!isRecord(target)) return null;
  const list = Array.isArray(target.selector) ? target.selector : [target.selector];
  const quote = list.find((s): s is Record<string, unknown> => isRecord(s) && s.type === "TextQuoteSelector");
  const exact = asString(quote?.exact);
  if (!quote || !exact) return null;
  return { exact, prefix: typeof quote.prefix === "string" ? quote.prefix : "", suffix: typeof quote.suffix === "string" ? quote.suffix : "" };
}

/**
 * Sources, when the collection carries them as linking bodies (external web resources). Read so that
 * the widget shows them as soon as the API sends them; until then the permalink leads to them.
 */
function linkedSources(bodies: unknown[]): ClaimView["sources"] {
  return bodies.flatMap((b) => {
    if (!isRecord(b) || b.purpose !== "linking") return [];
    const url = safeHttpUrl(b.id ?? b.source);
    return url ? [{ url, title: asString(b.title) ?? asString(b.name) ?? url }] : [];
  });
}

/** One annotation as a ClaimView, or null when it has no quote to anchor. */
export function claimView(annotation: unknown): ClaimView | null {
  if (!isRecord(annotation)) return null;
  const selector = quoteSelector(annotation.target);
  if (!selector) return null;
  const bodies = Array.isArray(annotation.body) ? annotation.body : [annotation.body];
  const textual = bodies.filter((b): b is TextualBody => isRecord(b) && b.type === "TextualBody" && typeof b.value === "string");
  const tags = textual.filter((b) => b.purpose === "tagging").map((b) => b.value);
  const state: PublicClaimState = tags.includes("retracted") ? "retracted" : tags.includes("corrected") ? "corrected" : "published";
  const rating = tags.map((tag) => ratingFor(tag)).find(Boolean);
  const label = state === "retracted" ? null : (textual.find((b) => b.purpose === "assessing")?.value ?? null);
  const permalink = safeHttpUrl(typeof annotation.id === "string" ? annotation.id.replace(/#.*$/, "") : null);
  return {
    id: permalink?.replace(/\/+$/, "").split("/").pop() ?? "",
    selector,
    label,
    tone: state === "retracted" ? "neutral" : (rating?.tone ?? "neutral"),
    state,
    comments: textual.filter((b) => b.purpose === "commenting").map((b) => b.value),
    permalink,
    sources: linkedSources(bodies),
  };
}

/** The fact-checks of an AnnotationCollection (its embedded first page), skipping any that cannot be shown. */
export function claimViews(collection: unknown): ClaimView[] {
  if (!isRecord(collection) || collection.type !== "AnnotationCollection") return [];
  const first = (collection as Partial<AnnotationCollection>).first;
  const items: unknown[] = isRecord(first) && Array.isArray(first.items) ? first.items : [];
  return items.map(claimView).filter((v): v is ClaimView => v !== null);
}
