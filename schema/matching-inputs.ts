import { z } from "zod";

const id = z.coerce.number().int().positive();

/** POST /api/match: a selection or a claim's quote; the claim itself is left out of its own matches. */
export const matchInput = z.object({
  text: z.string().trim().min(1, "Select some text to match.").max(5000),
  excludeClaimId: id.optional(),
  limit: z.number().int().min(1).max(50).default(10),
});

/** POST /api/claims/:id/same-as: link this claim to the one whose verdict serves it, or unlink (null). */
export const sameClaimInput = z.object({ version: z.number().int().positive(), sameAsId: id.nullable() });

/** POST /api/fact-checks/import: a pasted ClaimReview JSON-LD document or an HTML page that carries it. */
export const factCheckImportInput = z.object({ content: z.string().trim().min(1, "Paste a ClaimReview JSON-LD document or an HTML page.").max(1_000_000) });
