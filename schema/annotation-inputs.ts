import { z } from "zod";

/** Annotations in one import: every one becomes a few statements of a single D1 batch. */
export const maxImportedAnnotations = 200;

/** The selectors we read; others (RangeSelector, XPath, CSS…) are passed over. */
export const quoteSelector = z.looseObject({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1, "the quote is empty").max(5000),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
export const positionSelector = z.looseObject({
  type: z.literal("TextPositionSelector"),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
const anySelector = z.looseObject({ type: z.string() });

/** One annotation as Hypothesis's API returns it (GET /api/annotations/:id, or a row of GET /api/search). */
export const hypothesisAnnotation = z.looseObject({
  id: z.string().min(1).max(200),
  uri: z.string().max(2048),
  text: z.string().max(100_000).default(""),
  tags: z.array(z.string().max(200)).max(100).default([]),
  user: z.string().max(300).optional(),
  user_info: z.looseObject({ display_name: z.string().max(300).nullish() }).optional(),
  created: z.string().max(64).optional(),
  references: z.array(z.string()).optional(),
  links: z.looseObject({ html: z.string().max(2048).optional(), incontext: z.string().max(2048).optional() }).optional(),
  target: z.array(z.looseObject({ source: z.string().max(2048).optional(), selector: z.array(anySelector).max(20).optional() })).max(10),
});

const w3cText = z.union([z.string().max(100_000), z.looseObject({})]);
const w3cAgent = z.union([z.string().max(2048), z.looseObject({ id: z.string().optional(), name: z.string().max(300).optional(), nickname: z.string().max(300).optional() })]);
const w3cSelector = z.looseObject({ type: z.string(), refinedBy: z.unknown().optional() });
const w3cTarget = z.union([
  z.string().max(2048),
  z.looseObject({ source: z.string().max(2048).optional(), selector: z.union([w3cSelector, z.array(w3cSelector).max(20)]).optional() }),
]);

/** One W3C Web Annotation (JSON-LD, https://www.w3.org/TR/annotation-model/). */
export const w3cAnnotation = z.looseObject({
  id: z.string().min(1, "an annotation needs its id (an IRI)").max(2048),
  type: z.union([z.literal("Annotation"), z.array(z.string()).refine((t) => t.includes("Annotation"), "type must include Annotation")]),
  body: z.union([w3cText, z.array(w3cText).max(50)]).optional(),
  bodyValue: z.string().max(100_000).optional(),
  target: z.union([w3cTarget, z.array(w3cTarget).max(10)]),
  creator: z.union([w3cAgent, z.array(w3cAgent).max(10)]).optional(),
  created: z.string().max(64).optional(),
});

const items = z.array(z.looseObject({})).min(1, "there are no annotations to import").max(maxImportedAnnotations);

/**
 * POST /api/articles/:id/annotations/import: a Hypothesis API answer (a search result's `rows`, or one
 * annotation), or W3C Web Annotation JSON-LD (one Annotation, an array of them, an AnnotationPage's
 * `items`, or an AnnotationCollection with its `first` page embedded). Each annotation is then read on
 * its own: a bad one is reported, and the others imported.
 */
export const annotationImportDocument = z.union(
  [
  z.looseObject({ rows: items }).describe("Hypothesis search result (rows of hypothesisAnnotation)"),
  z.looseObject({ type: z.literal("AnnotationPage"), items }).describe("W3C AnnotationPage (items of w3cAnnotation)"),
  z.looseObject({ type: z.literal("AnnotationCollection"), items }).describe("W3C AnnotationCollection with its items"),
  z.looseObject({ type: z.literal("AnnotationCollection"), first: z.looseObject({ items }) }).describe("W3C AnnotationCollection with its first page"),
  items.describe("an array of w3cAnnotation"),
  z.looseObject({ target: z.union([z.string(), z.looseObject({}), z.array(z.unknown())]) }).describe("one hypothesisAnnotation or w3cAnnotation"),
  ],
  {
    error: `Expected Hypothesis API JSON (a search result's {"rows": [...]} or one annotation) or W3C Web Annotation JSON-LD (an Annotation, an array of them, or an AnnotationPage or AnnotationCollection with its items), with 1 to ${maxImportedAnnotations} annotations.`,
  },
);
export type AnnotationImportDocument = z.output<typeof annotationImportDocument>;
