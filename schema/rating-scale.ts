import type { UiLanguage } from "./enums";

/** One step of the rating scale. `value` is ClaimReview's ratingValue; null means "not rated on the scale". */
export interface Rating {
  key: string;
  value: number | null;
  /** CSS colour token; the label always accompanies it, so colour never carries meaning alone. */
  tone: "true" | "mostly-true" | "mixed" | "misleading" | "mostly-false" | "false" | "neutral";
  labels: Record<UiLanguage, string>;
}

/** ClaimReview's bestRating and worstRating for the numeric part of the scale. */
export const ratingBounds = { best: 6, worst: 1 } as const;

/** The rating scale as data, best first. Keys are stable identifiers stored with each verdict. */
export const ratingScale = [
  { key: "true", value: 6, tone: "true", labels: { en: "True", ru: "Правда", kk: "Шындық" } },
  { key: "mostly-true", value: 5, tone: "mostly-true", labels: { en: "Mostly true", ru: "В основном правда", kk: "Негізінен шындық" } },
  { key: "half-true", value: 4, tone: "mixed", labels: { en: "Half true", ru: "Полуправда", kk: "Жартылай шындық" } },
  { key: "misleading", value: 3, tone: "misleading", labels: { en: "Misleading", ru: "Вводит в заблуждение", kk: "Адастырады" } },
  { key: "mostly-false", value: 2, tone: "mostly-false", labels: { en: "Mostly false", ru: "В основном ложь", kk: "Негізінен жалған" } },
  { key: "false", value: 1, tone: "false", labels: { en: "False", ru: "Ложь", kk: "Жалған" } },
  { key: "unverifiable", value: null, tone: "neutral", labels: { en: "Unverifiable", ru: "Невозможно проверить", kk: "Тексеру мүмкін емес" } },
] as const satisfies readonly Rating[];

export type RatingKey = (typeof ratingScale)[number]["key"];
export const ratingKeys = ratingScale.map((r) => r.key) as [RatingKey, ...RatingKey[]];

/** A scale as pages render it: the fixed keys with the labels in force. */
export type Scale = readonly Rating[];

/** The rating for a key, or undefined for a key that is not on the scale. */
export function ratingFor(key: string, scale: Scale = ratingScale): Rating | undefined {
  return scale.find((r) => r.key === key);
}

/** The label of a rating in a UI language, falling back to English. */
export function ratingLabel(key: string, lang: UiLanguage = "en", scale: Scale = ratingScale): string {
  const rating = ratingFor(key, scale);
  return rating ? rating.labels[lang] ?? rating.labels.en : key;
}

/** An admin's wording of one rating; null keeps the default label. */
export interface LabelOverride {
  key: string;
  en: string | null;
  ru: string | null;
  kk: string | null;
}

/** The scale with admins' labels in place of the defaults. Unknown keys are ignored. */
export function withLabelOverrides(overrides: readonly LabelOverride[]): Scale {
  if (overrides.length === 0) return ratingScale;
  return ratingScale.map((rating) => {
    const o = overrides.find((x) => x.key === rating.key);
    if (!o) return rating;
    return { ...rating, labels: { en: o.en || rating.labels.en, ru: o.ru || rating.labels.ru, kk: o.kk || rating.labels.kk } };
  });
}
