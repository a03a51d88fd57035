/** "Delete draft": at the version this panel last saved or loaded (409 if someone saved since). */
import { api, errorMessage, unwrap, type ClaimDetailResponse } from "../../lib/api";
import { h, showError } from "../../lib/dom";
import { t } from "../../lib/i18n";
import { flushEdits, teardown, type PanelState } from "./panel-state";

/** The delete button, or null when the claim may not be deleted; a deletion closes the panel. */
export function deleteSection(state: PanelState, deletable: ClaimDetailResponse["deletable"]) {
  if (!deletable.ok) return null;
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const button = h("button", { type: "button", class: "btn btn-small btn-danger", "data-action": "delete" }, t("deleteDraft"));
  button.addEventListener("click", async () => {
    if (!window.confirm(t("deleteDraftConfirm"))) return;
    showError(error, null);
    try {
      await flushEdits(state);
      await unwrap(api.claims[":id"].$delete({ param: { id: String(state.claimId) }, json: { version: state.version } }));
      state.closed = true;
      teardown(state);
      state.events.onChanged();
      state.events.onClose();
    } catch (err) {
      showError(error, errorMessage(err));
    }
  });
  return h("div", { class: "delete-draft" }, button, error);
}
