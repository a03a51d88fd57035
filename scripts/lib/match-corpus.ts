import { detectLanguage } from "../../worker/domain/language";

/** Corpus rows (`id`, claim, title) as the external fact-checks the app imports. */
export const corpusReviews = (rows: string[][]) =>
  rows.map(([id, claim, title]) => ({
    key: `corpus:${id}`,
    claim: claim ?? "",
    title: title || null,
    rating: null,
    organisation: null,
    url: null,
    reviewedAt: null,
    language: detectLanguage(claim ?? ""),
  }));
