/** "Needs attention": claims across all articles whose place changed in a newer revision, or that editors must re-review. */
import { api, errorMessage, unwrap } from "../lib/api";
import { h, replace } from "../lib/dom";
import { t } from "../lib/i18n";
import { renderAttentionCards } from "./attention";
import type { ViewHandle } from "./view";

/** Render the list of flagged claims. */
export function renderFlagged(main: HTMLElement): ViewHandle {
  const notice = h("p", { class: "notice notice-ok", role: "status", "aria-live": "polite", hidden: true });
  const list = h("div", { class: "attention-list", "aria-busy": "true" }, h("p", { class: "muted" }, t("loading")));
  const load = () =>
    // One request for every card: the claims in full, with the list's total.
    unwrap(api.claims.attention.$get({ query: { limit: "100" } }))
      .then(({ items, total }) => {
        count.textContent = String(total);
        shown.textContent = total > items.length ? t("showingOf", { shown: String(items.length), total: String(total) }) : "";
        renderAttentionCards(
          list,
          items,
          {
            showArticle: true,
            onPlaced: (_id, message) => {
              notice.textContent = message;
              notice.hidden = false;
              void load();
            },
          },
        );
      })
      .catch((err) => replace(list, h("p", { class: "error", role: "alert" }, errorMessage(err))))
      .finally(() => list.removeAttribute("aria-busy"));
  const count = h("span", { class: "count", "data-total": "" });
  const shown = h("p", { class: "muted", "data-shown": "" });
  replace(main, h("div", { class: "page-head" }, h("h1", {}, t("navFlagged"), " ", count)), shown, h("p", { class: "muted intro" }, t("flaggedIntro")), notice, list);
  void load();
  return {};
}
