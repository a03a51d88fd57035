/** A dense table of claims, shared by the dashboard and the review queue. */
import type { ClaimListItem } from "../lib/api";
import { claimLabel, quoteLabel, truncate, verdictTone } from "../lib/claim-label";
import { formatDate, h } from "../lib/dom";
import { t, uiLanguage } from "../lib/i18n";
import { claimHash } from "../lib/router";

/** The verdict · state badge; its text, not its colour, carries the meaning. */
export function claimBadge(ratingKey: string | null, state: string) {
  return h("span", { class: `badge tone-${verdictTone(ratingKey)} state-${state}` }, claimLabel(ratingKey, state, uiLanguage()));
}

/** Render claims as a table (or an "empty" note); `caption` names it for screen readers. */
export function claimTable(items: ClaimListItem[], caption: string, options: { author?: boolean } = {}) {
  if (items.length === 0) return h("p", { class: "empty" }, t("empty"));
  return h(
    "table",
    { class: "table claims-table" },
    h("caption", { class: "visually-hidden" }, caption),
    h(
      "thead",
      {},
      h("tr", {}, h("th", { scope: "col" }, t("claim")), h("th", { scope: "col" }, t("articles")), options.author ? h("th", { scope: "col" }, t("author")) : null, h("th", { scope: "col" }, t("verdict")), h("th", { scope: "col" }, t("updated"))),
    ),
    h(
      "tbody",
      {},
      items.map((c) =>
        h(
          "tr",
          {},
          h("td", { class: "cell-quote" }, h("a", { href: claimHash(c.article.id, c.id), lang: c.article.language }, quoteLabel(c.id, c.exact, 110)), c.claimantName ? h("span", { class: "muted" }, ` — ${c.claimantName}`) : null),
          h("td", { class: "cell-article", lang: c.article.language }, truncate(c.article.title, 60)),
          options.author ? h("td", {}, c.authorName) : null,
          h("td", {}, claimBadge(c.ratingKey, c.state)),
          h("td", { class: "cell-date" }, h("time", { datetime: c.updatedAt }, formatDate(c.updatedAt, uiLanguage()))),
        ),
      ),
    ),
  );
}
