/** How a claim is named on screen: verdict and state in words, so colour never carries meaning alone. */
import { claimStateLabel, type ClaimState, type UiLanguage } from "../../../schema/enums";
import { ratingFor, ratingLabel } from "../../../schema/rating-scale";
import { scale } from "./scale";
import { t, uiLanguage } from "./i18n";

/** The colour token of a verdict ("none" when not rated yet). */
export function verdictTone(ratingKey: string | null | undefined): string {
  return (ratingKey && ratingFor(ratingKey, scale())?.tone) || "none";
}

/** The verdict's label in the UI language, or "Not rated". */
export function verdictLabel(ratingKey: string | null | undefined, lang: UiLanguage): string {
  return ratingKey ? ratingLabel(ratingKey, lang, scale()) : t("unrated");
}

/** The state's label in the UI language. */
export const stateLabel = (state: ClaimState | string) => claimStateLabel(state, uiLanguage());

/** "Verdict · State", the text beside every highlight and in every list. */
export function claimLabel(ratingKey: string | null | undefined, state: ClaimState | string, lang: UiLanguage): string {
  return `${verdictLabel(ratingKey, lang)} · ${stateLabel(state)}`;
}

/** `text` cut to at most `max` characters, with "…" where it was cut. */
export const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** "#12 “the quote…”": a claim named by its id and its quote, cut to `max` characters. */
export const quoteLabel = (id: number, exact: string, max: number) => `#${id} “${truncate(exact, max)}”`;
