/**
 * A claimant's kind (person or organisation: editors and its creator set it) and, for editors, merging a
 * duplicate into it: the editor picks the duplicate, confirms a sentence naming both, and its
 * fact-checks move here. Who may do what is the server's decision (schema/workflow.ts).
 */
import { foldKey } from "../../../../schema/text/fold";
import { api, errorMessage, unwrap } from "../../lib/api";
import { field, h, replace, showError, uid } from "../../lib/dom";
import { t } from "../../lib/i18n";

type Claimant = { id: number; name: string; kind: string; version: number };

/** The kind of `claimant`, editable in place (the version it sends follows each save). */
export function kindEditor(claimant: Claimant): HTMLElement {
  let version = claimant.version;
  const select = h("select", { name: "claimantKindEdit" }, h("option", { value: "person" }, t("person")), h("option", { value: "organization" }, t("organization")));
  select.value = claimant.kind;
  const kind = field(t("claimantKind"), select);
  const save = h("button", { type: "button", class: "btn btn-small", "data-action": "save-kind" }, t("saveKind"));
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const status = h("p", { class: "muted", role: "status", "data-kind-status": "" });
  select.addEventListener("change", () => (status.textContent = ""));
  save.addEventListener("click", async () => {
    showError(error, null);
    status.textContent = "";
    try {
      const res = await unwrap(api.claimants[":id"].kind.$patch({ param: { id: String(claimant.id) }, json: { version, kind: select.value as "person" | "organization" } }));
      version = res.claimant.version;
      status.textContent = t("claimantKindSaved");
    } catch (err) {
      showError(error, errorMessage(err));
    }
  });
  return h("div", { class: "claimant-kind" }, h("div", { class: "row" }, kind.wrap, save), status, error);
}

/** Merge a duplicate into `keep`; `done` reloads the claim (its claimant may have changed). */
export function mergeTool(keep: Claimant, done: () => Promise<void>): HTMLElement {
  const listId = uid("dups");
  const datalist = h("datalist", { id: listId });
  const input = h("input", { type: "text", name: "mergeDuplicate", list: listId, autocomplete: "off", maxlength: 200 });
  const dup = field(t("mergeDuplicate"), input);
  const start = h("button", { type: "button", class: "btn btn-small", "data-action": "merge-claimant" }, t("mergeButton", { name: keep.name }));
  const confirmBox = h("div", { class: "confirm", hidden: true });
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const status = h("p", { class: "muted", role: "status" });
  let found: { id: number; name: string }[] = [];
  input.addEventListener("input", async () => {
    const { items } = await unwrap(api.claimants.$get({ query: { q: input.value.trim(), limit: "10" } })).catch(() => ({ items: [] as { id: number; name: string }[] }));
    found = items.filter((c) => c.id !== keep.id);
    replace(datalist, found.map((c) => h("option", { value: c.name })));
  });
  start.addEventListener("click", () => {
    showError(error, null);
    const pick = found.find((c) => foldKey(c.name) === foldKey(input.value));
    if (!pick) return showError(error, t("mergeUnknown"));
    const go = h("button", { type: "button", class: "btn btn-danger btn-small", "data-action": "confirm-merge" }, t("mergeButton", { name: keep.name }));
    const cancel = h("button", { type: "button", class: "btn btn-small" }, t("cancel"));
    replace(confirmBox, h("p", { "data-merge-question": "" }, t("mergeConfirm", { dup: pick.name, name: keep.name })), h("div", { class: "row" }, go, cancel));
    confirmBox.hidden = false;
    cancel.addEventListener("click", () => (confirmBox.hidden = true));
    go.addEventListener("click", async () => {
      go.disabled = true;
      try {
        const { claimant } = await unwrap(api.claimants[":id"].$get({ param: { id: String(pick.id) } }));
        const res = await unwrap(api.claimants[":id"].merge.$post({ param: { id: String(pick.id) }, json: { version: claimant.version, keepId: keep.id, keepVersion: keep.version } }));
        status.textContent = t("merged", { count: String(res.movedClaims) });
        await done();
      } catch (err) {
        go.disabled = false;
        showError(error, errorMessage(err));
      }
    });
    go.focus();
  });
  return h("details", { class: "claimant-merge" }, h("summary", {}, t("mergeClaimant")), dup.wrap, datalist, start, confirmBox, error, status);
}
