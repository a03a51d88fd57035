/** The side pane's list of the article's claims, each a link that opens it; claims not in the current text say so. */
import type { ArticleClaim } from "../../lib/api";
import { quoteLabel } from "../../lib/claim-label";
import { placedInCurrent } from "../../lib/claim-placement";
import { h, replace } from "../../lib/dom";
import { t } from "../../lib/i18n";
import { keepFocus } from "../../lib/keep-focus";
import { claimHash } from "../../lib/router";
import { anchorLabel } from "../anchor-badge";
import { claimBadge } from "../claim-table";

export interface ClaimList {
  section: HTMLElement;
  /** List `claims` with their count, the claim `activeId` marked current. */
  show(claims: readonly ArticleClaim[], activeId: number | null, language: string | undefined): void;
}

/** The list's section for article `articleId`, empty until shown. */
export function createClaimList(articleId: number): ClaimList {
  const list = h("ul", { class: "claim-list" });
  const count = h("span", { class: "count" });
  const section = h("section", { class: "panel", "aria-labelledby": "claims-title" }, h("h2", { id: "claims-title" }, t("claimsOnArticle"), " ", count), list);

  function show(claims: readonly ArticleClaim[], activeId: number | null, language: string | undefined) {
    count.textContent = String(claims.length);
    // A live re-read redraws the list: a link that had the focus keeps it (found again by its claim).
    const restoreFocus = keepFocus(list);
    replace(
      list,
      claims.map((c) =>
        h(
          "li",
          { class: c.id === activeId ? "is-active" : null },
          h(
            "a",
            { href: claimHash(articleId, c.id), class: "claim-link", "aria-current": c.id === activeId ? "true" : null, "data-focus-key": `claim-${c.id}` },
            h(
              "span",
              { class: "claim-link-quote", lang: language },
              quoteLabel(c.id, c.exact, 80),
              placedInCurrent(c) ? null : h("span", { class: "not-placed" }, ` — ${anchorLabel(c.anchorStatus)}: ${t("notInCurrentText")}`),
            ),
            claimBadge(c.ratingKey, c.state),
          ),
        ),
      ),
    );
    restoreFocus();
  }

  return { section, show };
}
