import { createInsertSchema } from "drizzle-zod";
import { z } from "zod";
import { claimants, sources, suggestionDismissals, watchSettings, webhooks } from "./tables";
import { ratingKeys } from "./rating-scale";
import { claimantKinds, claimStates, roles } from "./enums";
import { apiTokenDays, workflowActions } from "./workflow";

/** 256 KiB of article text is several times the longest news article; the body limit enforces it too. */
export const maxArticleChars = 400_000;

const httpUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain })
  .max(2048)
  .describe("an http(s) URL");
const isoDate = z.iso.date().or(z.iso.datetime());
const id = z.coerce.number().int().positive();

/** `:id` path parameters. */
export const idParam = z.object({ id });

/** Pagination query for list routes. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const articleFormats = ["text", "markdown", "html"] as const;

/** POST /api/articles and the import CLI: raw text plus optional metadata; detection fills what is missing. */
export const articleImportInput = z.object({
  text: z.string().trim().min(1, "The article has no text.").max(maxArticleChars),
  format: z.enum(articleFormats).default("text"),
  title: z.string().trim().min(1).max(500).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a BCP 47 language tag such as en or ru")
    .optional(),
  sourceUrl: httpUrl.optional(),
  publisher: z.string().trim().min(1).max(200).optional(),
  publishedAt: isoDate.optional(),
  author: z.string().trim().min(1).max(200).optional(),
});
export type ArticleImportInput = z.input<typeof articleImportInput>;

/** POST /api/articles/detect: a pasted text, to see what the import would detect in it before importing. */
export const articleDetectInput = z.object({ text: z.string().max(maxArticleChars), format: z.enum(articleFormats).default("text") });

/** PATCH /api/articles/:id/metadata: the outlet, original URL, author, date and title; null clears one. */
export const articleMetadataInput = z.object({
  version: z.number().int().positive(),
  title: z.string().trim().min(1).max(500).optional(),
  sourceUrl: httpUrl.nullable().optional(),
  publisher: z.string().trim().min(1).max(200).nullable().optional(),
  author: z.string().trim().min(1).max(200).nullable().optional(),
  publishedAt: isoDate.nullable().optional(),
});

/** PUT /api/articles/:id: a new revision of the text, as plain text (or Markdown/HTML) or as a Tiptap document. */
export const articleReviseInput = z
  .object({
    version: z.number().int().positive(),
    text: z.string().trim().min(1).max(maxArticleChars).optional(),
    format: z.enum(articleFormats).default("text"),
    doc: z.looseObject({ type: z.literal("doc"), content: z.array(z.unknown()).max(20_000) }).optional(),
  })
  .refine((r) => (r.text === undefined) !== (r.doc === undefined), { message: "Send either text or doc.", path: ["text"] });

export const articleListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  language: z.string().max(20).optional(),
  /** Only articles with (true) or without (false) claims. */
  hasClaims: z.stringbool().optional(),
  /** Only articles with a claim in one of these states (comma-separated). */
  claimState: z
    .string()
    .transform((s) => s.split(","))
    .pipe(z.array(z.enum(claimStates)))
    .optional(),
});

/** A W3C TextQuoteSelector. */
export const textQuoteSelector = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1).max(5000),
  prefix: z.string().max(200).default(""),
  suffix: z.string().max(200).default(""),
});

/** A W3C TextPositionSelector; positions count code points. */
export const textPositionSelector = z
  .object({
    type: z.literal("TextPositionSelector"),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .refine((s) => s.end > s.start, { message: "end must be after start", path: ["end"] });

const selectorPair = z
  .array(z.discriminatedUnion("type", [textQuoteSelector, textPositionSelector]))
  .length(2)
  .refine((list) => new Set(list.map((s) => s.type)).size === 2, {
    message: "one TextQuoteSelector and one TextPositionSelector",
  })
  .transform((list) => ({
    quote: list.find((s) => s.type === "TextQuoteSelector") as z.output<typeof textQuoteSelector>,
    position: list.find((s) => s.type === "TextPositionSelector") as z.output<typeof textPositionSelector>,
  }));

/** A claimant by id, or by name (found or created). */
export const claimantRef = z.union([
  z.object({ id }),
  createInsertSchema(claimants, {
    name: (s) => s.trim().min(1).max(200),
    description: (s) => s.max(500),
  }).pick({ name: true, kind: true, description: true }),
]);

/** Tiptap JSON for an explanation. Its content is checked by the allow-list renderer, never trusted. */
export const tiptapDoc = z.looseObject({ type: z.literal("doc"), content: z.array(z.unknown()).max(500).optional() });

export const sourceInput = createInsertSchema(sources, {
  url: () => httpUrl,
  title: (s) => s.trim().max(500),
  publisher: (s) => s.trim().max(200),
  publishedAt: () => isoDate,
  accessedAt: () => isoDate,
  archivedUrl: () => httpUrl,
  quote: (s) => s.max(2000),
}).pick({ url: true, title: true, publisher: true, publishedAt: true, accessedAt: true, archivedUrl: true, quote: true });

/** Sources a claim may have: more than a desk needs, few enough to write in one batch. */
export const maxSourcesPerClaim = 30;

const claimContent = {
  claimant: claimantRef.nullable().optional(),
  ratingKey: z.enum(ratingKeys).nullable().optional(),
  explanation: tiptapDoc.nullable().optional(),
  sources: z.array(sourceInput).max(maxSourcesPerClaim, `A claim has at most ${maxSourcesPerClaim} sources.`).optional(),
};

/** POST /api/articles/:id/claims */
export const claimCreateInput = z.object({
  revisionId: id.optional(),
  selector: selectorPair,
  ...claimContent,
});

/** PATCH /api/claims/:id: content only; `version` is the one the client last saw. */
export const claimUpdateInput = z.object({ version: z.number().int().positive(), ...claimContent });

/** DELETE /api/claims/:id: the version the client saw, so nobody deletes work they have not seen. */
export const claimDeleteInput = z.object({ version: z.number().int().positive() });

/** POST /api/claims/:id/transitions */
export const transitionInput = z
  .object({
    action: z.enum(workflowActions),
    version: z.number().int().positive(),
    comment: z.string().trim().max(5000).optional(),
    reason: z.string().trim().max(2000).optional(),
    /** With `correct`: the corrected verdict. The public log shows the old and the new one. */
    ratingKey: z.enum(ratingKeys).optional(),
    explanation: tiptapDoc.optional(),
  })
  .refine((t) => t.action !== "request_changes" || !!t.comment, {
    message: "Say what needs to change.",
    path: ["comment"],
  })
  .refine((t) => (t.action !== "correct" && t.action !== "retract") || !!t.reason, {
    message: "Corrections and retractions need a public reason.",
    path: ["reason"],
  })
  .refine((t) => t.action === "correct" || (t.ratingKey === undefined && t.explanation === undefined), {
    message: "Only a correction changes a verdict through the workflow; edit drafts with PATCH.",
    path: ["ratingKey"],
  });

/** POST /api/claims/:id/anchor: a person confirms or re-attaches a claim in the current revision. */
export const anchorInput = z.object({ version: z.number().int().positive(), selector: selectorPair });

/** A write that only needs the version the client saw (confirmations, approvals). */
export const versionInput = z.object({ version: z.number().int().positive() });

/** POST /api/claimants: a new claimant, created when a person picks "Create new claimant". */
export const claimantCreateInput = createInsertSchema(claimants, { name: (s) => s.trim().min(1).max(200) }).pick({ name: true, kind: true });

/** PATCH /api/claimants/:id/kind: person or organisation. */
export const claimantKindInput = z.object({ version: z.number().int().positive(), kind: z.enum(claimantKinds) });

/** POST /api/claimants/:id/merge: claimant :id (at `version`) is merged into `keepId` (at `keepVersion`). */
export const claimantMergeInput = z.object({ version: z.number().int().positive(), keepId: z.number().int().positive(), keepVersion: z.number().int().positive() });

/** PATCH /api/claimants/:id: editors set the description; it becomes public once another editor approves it. */
export const claimantUpdateInput = z.object({ version: z.number().int().positive(), description: z.string().trim().max(500).nullable() });

export const assignInput = z.object({ version: z.number().int().positive(), assigneeId: id.nullable() });

export const commentInput = z.object({ body: z.string().trim().min(1).max(5000), parentId: id.optional() });

export const loginInput = z.object({ email: z.email().max(320), password: z.string().min(1).max(1000) });

export const inviteInput = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(roles),
});

/** An admin's change to an account: its role, or disabling it. */
export const userUpdateInput = z.object({
  version: z.number().int().positive(),
  role: z.enum(roles).optional(),
  disabled: z.boolean().optional(),
});

export const acceptInviteInput = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(12, "Use at least 12 characters.").max(1000),
});

export const apiTokenInput = z.object({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(apiTokenDays.max, `An API token lasts at most ${apiTokenDays.max} days.`).default(apiTokenDays.default),
});

/** `/api/users/:id/tokens/:tokenId` */
export const userTokenParam = idParam.extend({ tokenId: id });

/** GET /api/articles/:id/suggestions: how many of the best suggestions to return. */
export const suggestionListQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

/** POST /api/articles/:id/suggestions/dismissals: the suggestion's revision and code-point range. */
export const suggestionDismissInput = createInsertSchema(suggestionDismissals, {
  revisionId: () => id,
  start: (s) => s.int().min(0),
  end: (s) => s.int().min(1),
})
  .pick({ revisionId: true, start: true, end: true })
  .refine((v) => v.end > v.start, { message: "end must come after start", path: ["end"] });

/** POST /api/webhooks. Any http(s) address, loopback and private ones included: an admin may run a receiver beside Factline. */
export const webhookCreateInput = createInsertSchema(webhooks, {
  url: z.url({ protocol: /^https?$/ }).max(2048),
  description: z.string().trim().max(200).nullish(),
}).pick({ url: true, description: true });

/** PUT /api/watch/settings: the stealth-edit watch's schedule. */
export const watchSettingsInput = createInsertSchema(watchSettings, {
  enabled: z.boolean(),
  intervalMinutes: z.number().int().min(15).max(7 * 24 * 60),
  maxFetchesPerRun: z.number().int().min(1).max(100),
})
  .pick({ enabled: true, intervalMinutes: true, maxFetchesPerRun: true })
  .extend({ version: z.number().int().min(0) });
