/** The article's "needs attention" section: its claims that need a person after a revision, each with the ways to place it. */
import type { SelectedRange } from "../../editor/article-viewer";
import type { ArticleClaim } from "../../lib/api";
import { needsAttention } from "../../lib/claim-placement";
import { h } from "../../lib/dom";
import { t } from "../../lib/i18n";
import { renderAttention } from "../attention";

export interface AttentionSectionOptions {
  /** The selection in the article viewer, for "re-attach to the selection". */
  selection: () => SelectedRange | null;
  /** A claim was placed (its message is already announced): the claims should be loaded again. */
  onPlaced: () => void;
}

export interface AttentionSection {
  section: HTMLElement;
  /** Show the cards of those `claims` that need attention; hidden when none do and nothing was announced. */
  show(claims: readonly ArticleClaim[]): void;
}

/** The section, hidden until a claim needs attention. */
export function createAttentionSection(options: AttentionSectionOptions): AttentionSection {
  const announce = h("p", { class: "notice notice-ok", role: "status", "aria-live": "polite", hidden: true });
  const host = h("div", { class: "attention-list" });
  const count = h("span", { class: "count" });
  const section = h("section", { class: "panel attention", "aria-labelledby": "attention-title", hidden: true }, h("h2", { id: "attention-title" }, t("navFlagged"), " ", count), announce, host);

  function show(claims: readonly ArticleClaim[]) {
    const ids = claims.filter(needsAttention).map((c) => c.id);
    section.hidden = ids.length === 0 && announce.hidden;
    count.textContent = String(ids.length);
    void renderAttention(host, ids, {
      selection: options.selection,
      onPlaced: (_cid, message) => {
        announce.textContent = message;
        announce.hidden = false;
        options.onPlaced();
      },
    });
  }

  return { section, show };
}
