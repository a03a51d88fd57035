/**
 * A claimant's description for editors: the staff text, whether the public sees it, a box to rewrite
 * it and a button to approve it. What each person may do is the server's decision (schema/workflow.ts).
 */
import { api, errorMessage, refusalText, unwrap } from "../../lib/api";
import { field, h, replace, showError } from "../../lib/dom";
import { t } from "../../lib/i18n";
import type { PanelState } from "./panel-state";
import { kindEditor, mergeTool } from "./claimant-tools";

/**
 * A section for claimant `id`, filled once loaded: its kind for editors and its creator, the description and
 * merging duplicates for editors; empty for everyone else. `reload` reloads the claim after a merge.
 */
export function claimantDescription(id: number, reload: () => Promise<void>): HTMLElement {
  const host = h("section", { class: "claimant-description", "aria-labelledby": `claimant-desc-${id}` });
  const error = h("p", { class: "form-error", role: "alert", hidden: true });

  async function load(): Promise<void> {
    const { claimant, editable, approvable, kindEditable, mergeable } = await unwrap(api.claimants[":id"].$get({ param: { id: String(id) } }));
    const heading = h("h3", { id: `claimant-desc-${id}` }, `${t("claimant")}: ${claimant.name}`);
    const kind = kindEditable.ok ? kindEditor(claimant) : null;
    if (!editable.ok) {
      replace(host, kind ? [heading, kind] : []);
      return;
    }
    const box = field(t("claimantDescription"), h("textarea", { name: "claimantDescription", rows: 2 }, claimant.description ?? ""));
    const save = h("button", { type: "button", class: "btn btn-small", "data-action": "save-description" }, t("saveDescription"));
    const approve = h("button", { type: "button", class: "btn btn-small", "data-action": "approve-description", disabled: !approvable.ok }, t("approveDescription"));
    const act = (button: HTMLButtonElement, run: () => Promise<unknown>) =>
      button.addEventListener("click", async () => {
        showError(error, null);
        button.disabled = true;
        try {
          await run();
          await load();
        } catch (err) {
          showError(error, errorMessage(err));
          button.disabled = false;
        }
      });
    act(save, () => unwrap(api.claimants[":id"].$patch({ param: { id: String(id) }, json: { version: claimant.version, description: box.control.value.trim() || null } })));
    act(approve, () => unwrap(api.claimants[":id"]["approve-description"].$post({ param: { id: String(id) }, json: { version: claimant.version } })));
    const status = claimant.publicDescription === null ? t("descriptionNotPublic") : claimant.publicDescription === claimant.description ? t("descriptionPublic") : t("descriptionChanged");
    replace(
      host,
      heading,
      kind,
      h("p", { class: "muted", "data-description-status": "" }, status),
      box.wrap,
      h("div", { class: "row" }, save, approve, approvable.ok ? null : h("p", { class: "reason" }, refusalText(approvable))),
      error,
      mergeable.ok ? mergeTool(claimant, reload) : null,
    );
  }

  load().catch((err) => replace(host, h("p", { class: "error", role: "alert" }, errorMessage(err))));
  return host;
}

/** Show the section of claimant `id` (none for null) in the panel's claimant host. */
export function showClaimant(state: PanelState, id: number | null) {
  replace(state.claimantHost, id ? claimantDescription(id, state.reload) : null);
}
