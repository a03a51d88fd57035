/** The outcome of a new revision: where each claim went and how sure, worst first. */
import type { ArticleClaim, RevisionResult } from "../../lib/api";
import { quoteLabel } from "../../lib/claim-label";
import { outcomeCounts } from "../../lib/claim-placement";
import { h } from "../../lib/dom";
import { t, type MessageKey } from "../../lib/i18n";
import { claimHash } from "../../lib/router";
import { anchorBadge, anchorLabel } from "../anchor-badge";

/** What happened to each claim in a new revision, worst first; `claims` are the article's claims before it. */
export function revisionOutcome(result: RevisionResult, claims: readonly ArticleClaim[], articleId: number, language: string): HTMLElement {
  if (result.unchanged) return h("p", { class: "notice", role: "status" }, t("textUnchanged"));
  const byId = new Map(claims.map((c) => [c.id, c]));
  const rank: Record<string, number> = { orphaned: 0, changed: 1, moved: 2, anchored: 3 };
  const rows = [...result.claims].sort((a, b) => (rank[a.anchor.status] ?? 9) - (rank[b.anchor.status] ?? 9));
  const summary = outcomeCounts(result.claims).map((r) => `${anchorLabel(r.status)}: ${r.count}`).join(" · ");
  return h(
    "section",
    { class: "notice notice-ok reanchor-outcome", role: "status", "aria-labelledby": "outcome-title" },
    h("h2", { id: "outcome-title" }, t("revisionSaved", { n: result.revision.number })),
    rows.length === 0
      ? h("p", {}, t("noClaimsToAnchor"))
      : [
          h("p", { class: "muted" }, summary),
          h(
            "table",
            { class: "table outcome-table" },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("claim")), h("th", { scope: "col" }, t("result")))),
            h(
              "tbody",
              {},
              rows.map((r) => {
                const quote = byId.get(r.id)?.exact ?? r.anchor.selector?.exact ?? "";
                return h(
                  "tr",
                  { "data-claim-id": r.id, "data-anchor-status": r.anchor.status },
                  h("td", { class: "cell-quote" }, h("a", { href: claimHash(articleId, r.id), lang: language }, quoteLabel(r.id, quote, 90))),
                  h("td", {}, anchorBadge(r.anchor.status, r.anchor.confidence), h("p", { class: "hint" }, t(`anchorWhy_${r.anchor.status}` as MessageKey))),
                );
              }),
            ),
          ),
        ],
  );
}
