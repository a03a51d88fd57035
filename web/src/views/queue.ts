/** The editors' review queue: claims in review, oldest first, with filters kept in the URL. */
import { api, errorMessage, unwrap } from "../lib/api";
import { field, h, replace } from "../lib/dom";
import { t } from "../lib/i18n";
import { stateLabel } from "../lib/claim-label";
import { onQueueChanged } from "../live/queue-live";
import { claimTable } from "./claim-table";
import type { ViewHandle } from "./view";

const stateOptions = ["in_review", "changes_requested", "approved", "draft", "draft,in_review,changes_requested,approved"] as const;

/** The filters a queue address asks for. */
function filtersOf(query: URLSearchParams): { state: string; order: "oldest" | "newest"; mine: "assigned" | "" } {
  return {
    state: query.get("state") ?? "in_review",
    order: query.get("order") === "newest" ? "newest" : "oldest",
    mine: query.get("mine") === "assigned" ? "assigned" : "",
  };
}

/**
 * Render the queue for the filters in `query`. A change of filter re-reads the list in place: the form
 * stays, so the focus stays on the menu the person just changed.
 */
export function renderQueue(main: HTMLElement, query: URLSearchParams): ViewHandle {
  let { state, order, mine } = filtersOf(query);
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
  /** Reads started: a list that answers after a newer read began is not shown. */
  let reads = 0;
  const load = () => {
    const read = ++reads;
    body.setAttribute("aria-busy", "true");
    void unwrap(api.claims.$get({ query: { state, order, limit: "100", ...(mine ? { mine } : {}) } }))
      .then(({ items }) => {
        if (read === reads) replace(body, claimTable(items, t("navQueue"), { author: true }));
      })
      .catch((err) => read === reads && replace(body, h("p", { class: "error", role: "alert" }, errorMessage(err))))
      .finally(() => read === reads && body.removeAttribute("aria-busy"));
  };
  load();
  // The live desk says when the queue changed: re-read it in place.
  const stopLive = onQueueChanged(load);
  return {
    destroy: stopLive,
    update(route) {
      if (route.name !== "queue") return false;
      ({ state, order, mine } = filtersOf(route.query));
      // Back and forward move the address without touching the form: show what the address asks for.
      stateSelect.value = state;
      orderSelect.value = order;
      mineSelect.value = mine;
      load();
      return true;
    },
  };
}
