/** The workflow decisions on a claim (submit, approve, publish, request changes, correct, retract…), each with why it is refused. */
import type { WorkflowAction } from "../../../../schema/workflow";
import { api, errorMessage, refusalText, unwrap, type ClaimDetailResponse } from "../../lib/api";
import { field, h, showError, uid } from "../../lib/dom";
import { t, type MessageKey } from "../../lib/i18n";
import { keepFocus } from "../../lib/keep-focus";
import { flushEdits, type PanelState } from "./panel-state";
import { showPublishPreview } from "./publish-preview";

/** The decisions that apply to the claim (null when none do); a comment or a reason is asked for where one is needed. */
export function decisionSection(state: PanelState, actions: ClaimDetailResponse["actions"], exact: string) {
  const { claimId } = state;
  const previewHost = h("div", { class: "publish-preview-host" });
  const shown = actions.filter((a) => a.applies);
  if (shown.length === 0) return null;
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const needsComment = shown.some((a) => a.action === "request_changes" && a.allowed);
  const needsReason = shown.some((a) => (a.action === "correct" || a.action === "retract") && a.allowed);
  const comment = field(t("commentForChanges"), h("textarea", { name: "decisionComment", rows: 3 }));
  const reason = field(t("reasonForCorrection"), h("textarea", { name: "decisionReason", rows: 2 }));
  async function act(action: WorkflowAction, button: HTMLButtonElement) {
    showError(error, null);
    comment.setError(null);
    reason.setError(null);
    const text = comment.control.value.trim();
    const why = reason.control.value.trim();
    if (action === "request_changes" && !text) return comment.setError(t("commentForChanges"));
    if ((action === "correct" || action === "retract") && !why) return reason.setError(t("field_reason_empty"));
    // Disabling the button and redrawing the panel both drop the focus: it comes back to this button, or to this section.
    const restoreFocus = keepFocus(button.closest<HTMLElement>(".claim-panel") ?? button);
    if (action === "publish") {
      // Publishing shows what the public will see, and asks, first.
      await flushEdits(state).catch((err) => showError(error, errorMessage(err)));
      return showPublishPreview(previewHost, claimId, exact, async () => {
        await unwrap(api.claims[":id"].transitions.$post({ param: { id: String(claimId) }, json: { action, version: state.version } }));
        state.events.onChanged();
        await state.reload();
        restoreFocus();
      }, button).catch((err) => showError(error, errorMessage(err)));
    }
    button.disabled = true;
    try {
      await flushEdits(state);
      await unwrap(
        api.claims[":id"].transitions.$post({
          param: { id: String(claimId) },
          json: { action, version: state.version, ...(action === "request_changes" && text ? { comment: text } : {}), ...(why && (action === "correct" || action === "retract") ? { reason: why } : {}) },
        }),
      );
      state.events.onChanged();
      await state.reload();
    } catch (err) {
      showError(error, errorMessage(err));
      button.disabled = false;
    }
    restoreFocus();
  }
  return h(
    "section",
    // Named for the focus: a decision taken redraws the panel without its button, and the focus stays here.
    { class: "decisions", "aria-labelledby": `decisions-${claimId}`, "data-focus-key": "decisions", tabindex: "-1" },
    h("h3", { id: `decisions-${claimId}` }, t("decisions")),
    needsComment ? comment.wrap : null,
    needsReason ? reason.wrap : null,
    h(
      "div",
      { class: "actions" },
      shown.map((a) => {
        const reasonId = uid("why");
        const b = h(
          "button",
          { type: "button", class: `btn ${a.action === "approve" || a.action === "publish" || a.action === "submit" ? "btn-primary" : ""}`, "data-action": a.action, disabled: !a.allowed, "aria-describedby": a.allowed ? null : reasonId },
          t(`act_${a.action}` as MessageKey),
        );
        b.addEventListener("click", () => void act(a.action, b));
        return h("div", { class: "action" }, b, a.allowed ? null : h("p", { class: "reason", id: reasonId }, refusalText(a)));
      }),
    ),
    previewHost,
    error,
  );
}
