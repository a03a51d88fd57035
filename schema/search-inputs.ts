import { z } from "zod";
import { claimStates, publicClaimStates } from "./enums";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-02.");
const states = (allowed: readonly [string, ...string[]]) =>
  z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(allowed as [string, ...string[]])).max(allowed.length));

/** A form's empty field means "no filter", not a bad value. */
const unlessBlank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const searchFields = {
  /** What to look for: words (each a prefix of its stem), or a "quoted phrase". */
  q: z.string().trim().min(1, "Type something to search for.").max(200),
  /** Claims (their quote, explanation and claimant) or articles (title and text). */
  kind: z.enum(["claims", "articles"]).default("claims"),
  /** Claims with this verdict (a rating key). */
  rating: unlessBlank(z.string().trim().min(1).max(64)),
  /** Claims of this claimant (an id). */
  claimant: unlessBlank(z.coerce.number().int().positive()),
  /** Material in this language (the article's language). */
  language: unlessBlank(z.string().trim().min(2).max(20)),
  /** From and to this day, both included: a claim's publication (else creation) day, an article's date. */
  from: unlessBlank(isoDate),
  to: unlessBlank(isoDate),
  /** The `next` of the previous page, as it was given. */
  cursor: unlessBlank(z.string().max(200)),
  limit: z.coerce.number().int().min(1).max(50).default(20),
};

/** GET /api/search (staff): every claim state, drafts included. */
export const searchQuery = z.object({ ...searchFields, state: unlessBlank(states(claimStates)) });

/** GET /search (public): only public states can be asked for; the query adds the rule anyway. */
export const publicSearchQuery = z.object({
  ...searchFields,
  q: z.string().trim().max(200).default(""),
  /** Set by a "more" link: page on through this kind only. */
  kind: z.enum(["claims", "articles"]).optional(),
  state: unlessBlank(states(publicClaimStates)),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export type SearchOptions = z.output<typeof searchQuery>;
