import { z } from "zod";

export { aboutSections, type AboutSection } from "./about-sections";

const text = z.string().max(5000);
const section = z.object({ en: text, ru: text, kk: text });

/** The about page: for each section, its text in each UI language (plain text; blank lines separate paragraphs). */
export const aboutContent = z.object({ organisation: section, funding: section, team: section });
export type AboutContent = z.infer<typeof aboutContent>;

/** PUT /api/site/about: the whole page at the version its editor saw (0 before the first save). */
export const aboutInput = z.object({ version: z.number().int().min(0), content: aboutContent });

/** GET /api/tips */
export const tipsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) });

/**
 * The public contact form (application/x-www-form-urlencoded). `website` is the honeypot: hidden from
 * people, filled in by form-filling robots; a tip that fills it is dropped.
 */
export const tipForm = z.object({
  claim: z.string().trim().min(1, "Describe the claim you want checked.").max(2000, "Keep the claim under 2,000 characters."),
  url: z.union([z.literal(""), z.string().trim().url("Enter a web address that starts with http:// or https://.").max(2048).refine((u) => /^https?:\/\//i.test(u), "Enter a web address that starts with http:// or https://.")]).default(""),
  message: z.string().trim().max(5000, "Keep the message under 5,000 characters.").default(""),
  contact: z.string().trim().max(200, "Keep the contact under 200 characters.").default(""),
  website: z.string().default(""),
  lang: z.string().default("en"),
});
export type TipForm = z.infer<typeof tipForm>;
