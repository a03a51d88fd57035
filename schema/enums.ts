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

/** How well a claim's stored selector fits the article's current revision. */
export const anchorStatuses = ["anchored", "moved", "changed", "orphaned"] as const;
export type AnchorStatus = (typeof anchorStatuses)[number];

/** Languages of the UI and of the rating labels. Articles may be in any BCP 47 language. */
export const uiLanguages = ["en", "ru", "kk"] as const;
export type UiLanguage = (typeof uiLanguages)[number];

export const claimantKinds = ["person", "organization"] as const;
