/** Letters that Kazakh Cyrillic has and Russian does not. */
const kazakhLetters = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/gu;
const cyrillic = /\p{Script=Cyrillic}/gu;
const latin = /\p{Script=Latin}/gu;

/** The article's language by its script: en, ru or kk. Enough for the newsrooms we serve; an editor can override it. */
export function detectLanguage(text: string): "en" | "ru" | "kk" {
  const cyr = text.match(cyrillic)?.length ?? 0;
  const lat = text.match(latin)?.length ?? 0;
  if (cyr <= lat) return "en";
  const kk = text.match(kazakhLetters)?.length ?? 0;
  // Russian text quotes the odd Kazakh name; Kazakh prose uses its letters in roughly one word in three.
  return kk / cyr > 0.01 ? "kk" : "ru";
}
