/** The claim's editable content as a form: claimant (autocomplete or new), verdict, explanation, sources. */
import type { JSONContent } from "@tiptap/core";
import { createRichText, type RichText } from "../../editor/rich-text";
import type { ClaimDraft } from "../../lib/claim-merge";
import type { DraftProblem } from "../../lib/claim-payload";
import { field, h, uid } from "../../lib/dom";
import { t, uiLanguage } from "../../lib/i18n";
import { scale } from "../../lib/scale";
import { createClaimantField } from "./claimant-field";
import { createSourcesField } from "./sources-field";

/** The form's handle. */
export interface ClaimForm {
  element: HTMLElement;
  /** The draft as the form holds it now. */
  collect(): ClaimDraft;
  /** Show a draft (after a conflict was resolved). */
  setDraft(draft: ClaimDraft): void;
  /** The server resolved a new claimant's name to an id. */
  learnClaimant(claimant: { id: number; name: string } | null): void;
  showProblems(problems: DraftProblem[]): void;
  /** Put the caret in the first field (a claim was just created). */
  focus(): void;
  destroy(): void;
}

/** Build the form for `draft`; `onChange` runs on every edit. */
export function createClaimForm(draft: ClaimDraft, onChange: () => void): ClaimForm {
  const claimant = createClaimantField(draft.claimant?.id ?? null, onChange);

  const verdictSelect = h(
    "select",
    { name: "verdict" },
    h("option", { value: "" }, t("noVerdict")),
    scale().map((r) => h("option", { value: r.key }, r.labels[uiLanguage()])),
  );
  verdictSelect.addEventListener("change", onChange);

  const explanationLabel = uid("expl");
  const explanation: RichText = createRichText({ content: draft.explanation as JSONContent | null, labelledBy: explanationLabel, editable: true, onChange: () => onChange() });

  const sources = createSourcesField(onChange);

  function setDraft(d: ClaimDraft) {
    claimant.set(d.claimant);
    verdictSelect.value = d.ratingKey ?? "";
    explanation.setContent(d.explanation as JSONContent | null);
    sources.set(d.sources);
  }
  setDraft(draft);
  void claimant.search();

  const element = h(
    "div",
    { class: "claim-form" },
    claimant.elements,
    field(t("verdict"), verdictSelect).wrap,
    h("div", { class: "field" }, h("span", { class: "label", id: explanationLabel }, t("explanation")), explanation.element),
    sources.element,
  );

  return {
    element,
    collect: () => ({
      claimant: claimant.value(),
      ratingKey: verdictSelect.value || null,
      explanation: explanation.getJSON() as ClaimDraft["explanation"],
      sources: sources.value(),
    }),
    setDraft,
    learnClaimant: claimant.learn,
    showProblems: sources.showProblems,
    focus: claimant.focus,
    destroy: () => explanation.destroy(),
  };
}
