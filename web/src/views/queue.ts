/** The editors' review queue: claims in review, oldest first, with filters kept in the URL. */
import { api, errorMessage, unwrap } from "../lib/api";
import { field, h, replace } from "../lib/dom";
import { t } from "../lib/i18n";
import { stateLabel } from "../lib/claim-label";
import { onQueueChanged } from "../live/queue-live";
import { claimTable } from "./claim-table";
import type { ViewHandle } from "./view";

const stateOptions = ["in_review", "changes_requested", "approved", "draft", "draft,in_review,changes_requested,approved"] as const;

/** Render the queue for the filters in `query`. */
export function renderQueue(main: HTMLElement, query: URLSearchParams): ViewHandle {
  const state = query.get("state") ?? "in_review";
  const order = query.get("order") === "newest" ? "newest" : "oldest";
  const mine = query.get("mine") === "assigned" ? "assigned" : "";
  const stateSelect = h(
    "select",
    { name: "state" },
    stateOptions.map((s) => h("option", { value: s, selected: s === state }, s.includes(",") ? t("allStates") : stateLabel(s))),
  );
  const orderSelect = h("select", { name: "order" }, h("option", { value: "oldest", selected: order === "oldest" }, t("oldestFirst")), h("option", { value: "newest", selected: order === "newest" }, t("newestFirst")));
  const mineSelect = h("select", { name: "mine" }, h("option", { value: "" }, t("anyClaims")), h("option", { value: "assigned", selected: mine === "assigned" }, t("assignedToMe")));
  const form = h("form", { class: "filters", role: "search" }, field(t("state"), stateSelect).wrap, field(t("order"), orderSelect).wrap, field(t("assignee"), mineSelect).wrap);
  const apply = () => {
    const q = new URLSearchParams({ state: stateSelect.value, order: orderSelect.value });
    if (mineSelect.value) q.set("mine", mineSelect.value);
    location.hash = `#/queue?${q}`;
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    apply();
  });
  const body = h("div", { class: "panel", "aria-busy": "true" }, h("p", { class: "muted" }, t("loading")));
  replace(main, h("div", { class: "page-head" }, h("h1", {}, t("navQueue"))), form, body);
  const load = () =>
    void unwrap(api.claims.$get({ query: { state, order, limit: "100", ...(mine ? { mine } : {}) } }))
      .then(({ items }) => {
        replace(body, claimTable(items, t("navQueue"), { author: true }));
        body.removeAttribute("aria-busy");
      })
      .catch((err) => replace(body, h("p", { class: "error", role: "alert" }, errorMessage(err))));
  load();
  // The live desk says when the queue changed: re-read it in place.
  return { destroy: onQueueChanged(load) };
}
