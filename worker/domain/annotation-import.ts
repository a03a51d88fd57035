/**
 * Reading annotations made with other tools (Hypothesis's API JSON, W3C Web Annotation JSON-LD) into
 * one shape: the quote and position that the re-anchoring engine places in our text, and what the
 * annotator wrote. Pure: nothing here knows the article.
 */
import type { z } from "zod";
import { hypothesisAnnotation, positionSelector, quoteSelector, w3cAnnotation, type AnnotationImportDocument } from "../../schema/annotation-inputs";
import type { TextSelector } from "./text-selector";
import { fromWebAnnotationSelectors } from "./web-annotation";

export type AnnotationFormat = "hypothesis" | "w3c";

/** An annotation ready to place. */
export interface ExternalAnnotation {
  /** `hypothesis:<id>` or `w3c:<id>`: what makes a re-import a no-op. */
  key: string;
  format: AnnotationFormat;
  id: string;
  /** The document it was made on. */
  source: string | null;
  /** The quote and, when the annotation had one, its position in the annotated document (else 0–0). */
  selector: TextSelector;
  text: string;
  tags: string[];
  author: string | null;
  created: string | null;
  /** Where a person can see it in its own tool. */
  link: string | null;
}

/** An annotation that is not imported, and why. */
export interface PassedOver {
  id: string | null;
  format: AnnotationFormat | null;
  status: "invalid" | "skipped";
  reason: string;
}

const contextChars = 200;
const issue = (error: z.ZodError) => error.issues.map((i) => `${i.path.join(".") || "annotation"}: ${i.message}`).join("; ");
const idOf = (raw: unknown) => (raw && typeof raw === "object" && "id" in raw && typeof raw.id === "string" ? raw.id : null);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The quote (and position) among an annotation's selectors, or why there is none to place (`skip`) or it is malformed (`invalid`). */
function textSelector(selectors: unknown[]): TextSelector | { skip: string } | { invalid: string } {
  const flat: unknown[] = [];
  const visit = (s: unknown) => {
    flat.push(s);
    if (isRecord(s)) asArray(s.refinedBy as unknown).forEach(visit);
  };
  selectors.forEach(visit);
  const quotes = flat.filter((s) => isRecord(s) && s.type === "TextQuoteSelector");
  if (quotes.length === 0) return { skip: "no TextQuoteSelector: nothing to place in the text (a page note?)" };
  const parsedQuote = quoteSelector.safeParse(quotes[0]);
  if (!parsedQuote.success) return { invalid: `TextQuoteSelector: ${issue(parsedQuote.error)}` };
  const { exact, prefix = "", suffix = "" } = parsedQuote.data;
  // A position is trusted only when it spans the quote (the export's own reading); else the quote alone is looked for.
  const paired = fromWebAnnotationSelectors([quotes[0], flat.find((s) => positionSelector.safeParse(s).success)]);
  return {
    exact,
    // Our quotes keep a bounded context; the nearest characters are the ones that matter.
    prefix: [...prefix].slice(-contextChars).join(""),
    suffix: [...suffix].slice(0, contextChars).join(""),
    start: paired?.start ?? 0,
    end: paired?.end ?? 0,
  };
}

function fromHypothesis(raw: unknown): ExternalAnnotation | PassedOver {
  const parsed = hypothesisAnnotation.safeParse(raw);
  if (!parsed.success) return { id: idOf(raw), format: "hypothesis", status: "invalid", reason: issue(parsed.error) };
  const a = parsed.data;
  if (a.references?.length) return { id: a.id, format: "hypothesis", status: "skipped", reason: "a reply to another annotation, not a passage" };
  const target = a.target[0];
  const selector = textSelector(target?.selector ?? []);
  if ("skip" in selector) return { id: a.id, format: "hypothesis", status: "skipped", reason: selector.skip };
  if ("invalid" in selector) return { id: a.id, format: "hypothesis", status: "invalid", reason: selector.invalid };
  return {
    key: `hypothesis:${a.id}`,
    format: "hypothesis",
    id: a.id,
    source: target?.source ?? a.uri,
    selector,
    text: a.text,
    tags: a.tags,
    author: a.user_info?.display_name || (a.user ? a.user.replace(/^acct:/, "") : null),
    created: a.created ?? null,
    link: a.links?.html ?? a.links?.incontext ?? null,
  };
}

/** A W3C body's words: TextualBody values, tags apart; an external body is named by its IRI. */
function w3cBodies(a: z.output<typeof w3cAnnotation>) {
  const text: string[] = a.bodyValue ? [a.bodyValue] : [];
  const tags: string[] = [];
  for (const body of asArray(a.body)) {
    if (typeof body === "string") text.push(body);
    else if (typeof body.value === "string") (body.purpose === "tagging" ? tags : text).push(body.value);
    else if (typeof body.id === "string") text.push(body.id);
  }
  return { text: text.join("\n\n"), tags };
}

const agentName = (agent: unknown) => (typeof agent === "string" ? agent : isRecord(agent) ? String(agent.name ?? agent.nickname ?? agent.id ?? "") || null : null);

function fromW3c(raw: unknown): ExternalAnnotation | PassedOver {
  const parsed = w3cAnnotation.safeParse(raw);
  if (!parsed.success) return { id: idOf(raw), format: "w3c", status: "invalid", reason: issue(parsed.error) };
  const a = parsed.data;
  const target = asArray(a.target).find((t) => typeof t !== "string" && t.selector !== undefined);
  if (!target || typeof target === "string") return { id: a.id, format: "w3c", status: "skipped", reason: "its target is a whole document, not a passage" };
  const selector = textSelector(asArray(target.selector));
  if ("skip" in selector) return { id: a.id, format: "w3c", status: "skipped", reason: selector.skip };
  if ("invalid" in selector) return { id: a.id, format: "w3c", status: "invalid", reason: selector.invalid };
  const { text, tags } = w3cBodies(a);
  return {
    key: `w3c:${a.id}`,
    format: "w3c",
    id: a.id,
    source: target.source ?? null,
    selector,
    text,
    tags,
    author: agentName(asArray(a.creator)[0]),
    created: a.created ?? null,
    link: /^https?:\/\//.test(a.id) ? a.id : null,
  };
}

const looksW3c = (raw: unknown) => isRecord(raw) && (raw.type === "Annotation" || (Array.isArray(raw.type) && raw.type.includes("Annotation")) || "@context" in raw);

/**
 * Every annotation of an import document, read, in order: those to place, and those passed over with
 * the reason. The same annotation twice in one document is imported once.
 */
export function readAnnotationDocument(doc: AnnotationImportDocument): { found: ExternalAnnotation[]; passedOver: PassedOver[] } {
  let raws: unknown[];
  let format: AnnotationFormat | "detect";
  if (Array.isArray(doc)) [raws, format] = [doc, "detect"];
  else if ("rows" in doc && Array.isArray(doc.rows)) [raws, format] = [doc.rows, "hypothesis"];
  else if (doc.type === "AnnotationCollection" && isRecord(doc.first) && Array.isArray(doc.first.items) && !Array.isArray(doc.items)) [raws, format] = [doc.first.items, "w3c"];
  else if (Array.isArray(doc.items)) [raws, format] = [doc.items, "w3c"];
  else [raws, format] = [[doc], "detect"];
  const found: ExternalAnnotation[] = [];
  const passedOver: PassedOver[] = [];
  const seen = new Set<string>();
  for (const raw of raws) {
    const read = (format === "w3c" || (format === "detect" && looksW3c(raw)) ? fromW3c : fromHypothesis)(raw);
    if ("status" in read) passedOver.push(read);
    else if (seen.has(read.key)) passedOver.push({ id: read.id, format: read.format, status: "skipped", reason: "the same annotation appears twice in this document" });
    else {
      seen.add(read.key);
      found.push(read);
    }
  }
  return { found, passedOver };
}

/** Longest comment body (schema/inputs.ts commentInput). */
const maxComment = 5000;

/** The comment an imported draft carries: whose annotation it was, where it lives, and what it said. */
export function importComment(a: ExternalAnnotation): string {
  const tool = a.format === "hypothesis" ? "Hypothesis" : "W3C Web Annotation";
  const head = [
    `Imported from ${tool} annotation ${a.id}${a.author ? ` by ${a.author}` : ""}${a.created ? ` (${a.created})` : ""}.`,
    a.link ? `Annotation: ${a.link}` : null,
    a.source ? `Annotated page: ${a.source}` : null,
    a.tags.length ? `Tags: ${a.tags.join(", ")}` : null,
  ].filter(Boolean);
  const text = a.text.trim() || "(the annotation has no text)";
  const full = `${head.join("\n")}\n\n${text}`;
  return [...full].length <= maxComment ? full : `${[...full].slice(0, maxComment - 1).join("")}…`;
}
