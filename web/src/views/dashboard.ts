/** The dashboard: my drafts, assigned to me, sent back, waiting for review, recently published. */
import { api, errorMessage, unwrap } from "../lib/api";
import { h, replace } from "../lib/dom";
import { t, type MessageKey } from "../lib/i18n";
import { may } from "../../../schema/workflow";
import { currentUser } from "../session";
import { onQueueChanged } from "../live/queue-live";
import { claimTable } from "./claim-table";
import type { ViewHandle } from "./view";

type Query = { state?: string; mine?: "authored" | "assigned"; order?: "oldest" | "newest"; limit?: string; flagged?: "true" };

/** Render the dashboard. */
export function renderDashboard(main: HTMLElement): ViewHandle {
  const sections: { key: MessageKey; query: Query; author?: boolean; more?: string }[] = [
    // First: a claim whose article changed under it may be wrong in public right now.
    { key: "navFlagged", query: { flagged: "true", order: "oldest", limit: "10" }, author: true, more: "#/flagged" },
    { key: "changesRequested", query: { state: "changes_requested", mine: "authored" } },
    { key: "myDrafts", query: { state: "draft", mine: "authored" } },
    { key: "assignedToMe", query: { state: "draft,changes_requested,in_review", mine: "assigned" } },
    ...(may(currentUser(), "review").ok ? [{ key: "inReview" as const, query: { state: "in_review", order: "oldest" as const, limit: "10" }, author: true }] : []),
    { key: "recentlyPublished", query: { state: "published,corrected", order: "newest", limit: "10" }, author: true },
  ];
  const loaders: (() => void)[] = [];
  replace(
    main,
    h("div", { class: "page-head" }, h("h1", {}, t("navDashboard")), h("p", { class: "muted" }, currentUser().name)),
    h(
      "div",
      { class: "dashboard-grid" },
      sections.map((s) => {
        const id = `dash-${s.key}`;
        const body = h("div", { class: "section-body", "aria-busy": "true" }, h("p", { class: "muted" }, t("loading")));
        const load = () =>
          void unwrap(api.claims.$get({ query: { limit: "20", ...s.query } }))
            .then(({ items, total }) => {
              replace(body, claimTable(items, t(s.key), { author: s.author }), total > items.length ? h("p", { class: "muted", "data-shown": "" }, t("showingOf", { shown: String(items.length), total: String(total) })) : null);
              body.removeAttribute("aria-busy");
              // The list's total, not the page's size.
              section.querySelector(".count")!.textContent = String(total);
            })
            .catch((err) => replace(body, h("p", { class: "error", role: "alert" }, errorMessage(err))));
        loaders.push(load);
        load();
        const more = s.more ? h("a", { href: s.more, class: "section-more" }, t("seeAll"), h("span", { class: "visually-hidden" }, `: ${t(s.key)}`)) : null;
        const section = h("section", { class: "panel", "aria-labelledby": id, "data-section": s.key }, h("h2", { id }, t(s.key), " ", h("span", { class: "count" }, ""), more), body);
        return section;
      }),
    ),
  );
  // The live desk says when claims changed: each section re-reads itself in place.
  return { destroy: onQueueChanged(() => loaders.forEach((load) => load())) };
}
