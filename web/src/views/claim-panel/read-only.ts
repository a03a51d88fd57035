/** The claim's content for reading: by whoever may not edit it, and by an editor reviewing it until they ask to edit. */
import type { JSONContent } from "@tiptap/core";
import { createRichText } from "../../editor/rich-text";
import type { ClaimDetail, ClaimDetailResponse } from "../../lib/api";
import { verdictLabel } from "../../lib/claim-label";
import { isSourceUrl } from "../../lib/claim-payload";
import { h } from "../../lib/dom";
import { t, uiLanguage } from "../../lib/i18n";
import type { PanelState } from "./panel-state";

/** Claimant, verdict, explanation and sources as a definition list. */
function readOnlyContent(state: PanelState, claim: ClaimDetail) {
  const readView = createRichText({ content: claim.explanation as JSONContent | null, labelledBy: `expl-${state.claimId}`, editable: false, onChange: () => undefined });
  state.readView = readView;
  return h(
    "dl",
    { class: "claim-read" },
    h("dt", {}, t("claimant")),
    h("dd", {}, claim.claimant?.name ?? "—"),
    h("dt", {}, t("verdict")),
    h("dd", {}, verdictLabel(claim.ratingKey, uiLanguage())),
    h("dt", { id: `expl-${state.claimId}` }, t("explanation")),
    h("dd", {}, readView.element),
    h("dt", {}, t("sources")),
    h(
      "dd",
      {},
      claim.sources.length
        ? h(
            "ol",
            { class: "source-read" },
            claim.sources.map((s) =>
              h(
                "li",
                {},
                isSourceUrl(s.url) ? h("a", { href: s.url, target: "_blank", rel: "noopener noreferrer" }, s.title || s.url) : s.url,
                s.publisher ? h("span", { class: "muted" }, ` — ${s.publisher}`) : null,
                s.publishedAt ? h("span", { class: "muted" }, `, ${s.publishedAt}`) : null,
                s.quote ? h("blockquote", {}, s.quote) : null,
              ),
            ),
          )
        : "—",
    ),
  );
}

/** The reading body: a pending correction, why it is read only, the content, and "Edit" for a reviewing editor who may edit. */
export function readingBody(state: PanelState, claim: ClaimDetail, editable: ClaimDetailResponse["editable"], reviewing: boolean): HTMLElement {
  const edit =
    editable.ok && reviewing
      ? h(
          "button",
          {
            type: "button",
            class: "btn btn-small",
            onclick: (() => {
              state.editToggle = true;
              // The button goes with the redraw: the focus moves into the form it opened.
              state.events.focusForm = true;
              void state.reload();
            }) as EventListener,
          },
          t("edit"),
        )
      : null;
  const pending = claim.pendingCorrection as { ratingKey: string } | null;
  return h(
    "div",
    {},
    pending ? h("p", { class: "notice notice-warn", role: "status" }, t("pendingCorrection", { rating: verdictLabel(pending.ratingKey, uiLanguage()) })) : null,
    !editable.ok ? h("p", { class: "notice" }, t("readOnly", { reason: editable.reason })) : null,
    readOnlyContent(state, claim),
    edit,
  );
}
