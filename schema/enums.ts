/** Staff roles. Anonymous visitors are the public and have no role. */
export const roles = ["checker", "editor", "admin"] as const;
export type Role = (typeof roles)[number];

/** Workflow states of a claim (see schema/workflow.ts for the transitions). */
export const claimStates = [
  "draft",
  "in_review",
  "changes_requested",
  "approved",
  "published",
  "corrected",
  "retracted",
] as const;
export type ClaimState = (typeof claimStates)[number];

/** States the public may see. Everything else never leaves the staff API. */
export const publicClaimStates = ["published", "corrected", "retracted"] as const satisfies readonly ClaimState[];
export type PublicClaimState = (typeof publicClaimStates)[number];

// What each state is called, in each UI language: the workspace, the public pages and the public
// script all name a state this way. The public states stand apart so that the public script carries only them.
const publicStateLabels = {
  published: { en: "Published", ru: "Опубликовано", kk: "Жарияланған" },
  corrected: { en: "Corrected", ru: "Исправлено", kk: "Түзетілген" },
  retracted: { en: "Retracted", ru: "Отозвано", kk: "Кері қайтарылған" },
} as const satisfies Record<PublicClaimState, Record<UiLanguage, string>>;

const staffStateLabels = {
  draft: { en: "Draft", ru: "Черновик", kk: "Жоба" },
  in_review: { en: "In review", ru: "На проверке", kk: "Тексеруде" },
  changes_requested: { en: "Changes requested", ru: "На доработке", kk: "Түзетуде" },
  approved: { en: "Approved", ru: "Одобрено", kk: "Мақұлданған" },
} as const satisfies Record<Exclude<ClaimState, PublicClaimState>, Record<UiLanguage, string>>;

/** The label of a state the public sees, in a UI language. */
export function publicStateLabel(state: PublicClaimState, lang: UiLanguage): string {
  return publicStateLabels[state][lang];
}

/** The label of any claim state in a UI language; an unknown state is shown as it is. */
export function claimStateLabel(state: ClaimState | string, lang: UiLanguage): string {
  const labels: Record<string, Record<UiLanguage, string>> = { ...staffStateLabels, ...publicStateLabels };
  return labels[state]?.[lang] ?? state;
}

/** How well a claim's stored selector fits the article's current revision. */
export const anchorStatuses = ["anchored", "moved", "changed", "orphaned"] as const;
export type AnchorStatus = (typeof anchorStatuses)[number];

/** Languages of the UI and of the rating labels. Articles may be in any BCP 47 language. */
export const uiLanguages = ["en", "ru", "kk"] as const;
export type UiLanguage = (typeof uiLanguages)[number];

/** The UI language of a BCP 47 tag ("ru-KZ" → "ru"), in any case, or null if we have none for it. */
export function uiLanguageOf(tag: string | null | undefined): UiLanguage | null {
  const base = (tag ?? "").split("-")[0].toLowerCase();
  return uiLanguages.find((l) => l === base) ?? null;
}

export const claimantKinds = ["person", "organization"] as const;
