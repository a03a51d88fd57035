/** Assigning the claim to a person (editors and admins only). */
import { may } from "../../../../schema/workflow";
import { api, errorMessage, unwrap, type ClaimDetail, type UserItem } from "../../lib/api";
import { field, h } from "../../lib/dom";
import { t } from "../../lib/i18n";
import { currentUser } from "../../session";
import type { PanelState } from "./panel-state";

/** The assignee picker among the enabled `people`, or null when the user may not assign. */
export function assignSection(state: PanelState, claim: ClaimDetail, people: UserItem[]) {
  if (!may(currentUser(), "assign").ok) return null;
  const select = h(
    "select",
    { name: "assignee" },
    h("option", { value: "" }, t("unassigned")),
    people.filter((u) => !u.disabledAt).map((u) => h("option", { value: String(u.id), selected: u.id === claim.assigneeId }, `${u.name} (${u.role})`)),
  );
  const f = field(t("assignee"), select);
  const button = h("button", { type: "button", class: "btn btn-small" }, t("assign"));
  button.addEventListener("click", async () => {
    f.setError(null);
    try {
      await unwrap(api.claims[":id"].assign.$post({ param: { id: String(state.claimId) }, json: { version: state.version, assigneeId: select.value ? Number(select.value) : null } }));
      state.events.onChanged();
      await state.reload();
    } catch (err) {
      f.setError(errorMessage(err));
    }
  });
  return h("div", { class: "assign row" }, f.wrap, h("div", { class: "field field-button" }, button));
}
