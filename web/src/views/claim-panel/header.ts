/** The panel's head: the claim's number, its verdict · state badge and the close button; its quote, place, history and who and when. */
import type { ClaimDetail } from "../../lib/api";
import { formatDate, h } from "../../lib/dom";
import { t, uiLanguage } from "../../lib/i18n";
import { claimBadge } from "../claim-table";
import { anchorHistoryDisclosure } from "./anchor-history";
import type { PanelState } from "./panel-state";

/** The head's elements for `claim`; `nameOf` names a user id. */
export function claimHeader(state: PanelState, claim: ClaimDetail, nameOf: (id: number | null) => string): (HTMLElement | null)[] {
  const close = h("button", { type: "button", class: "btn btn-quiet btn-small", "aria-label": t("close") }, "✕");
  close.addEventListener("click", state.events.onClose);
  state.headBadge = claimBadge(claim.ratingKey, claim.state);
  return [
    h("div", { class: "claim-head" }, h("h2", { id: `claim-${state.claimId}-title` }, `${t("claim")} #${claim.id}`), state.headBadge, close),
    h("blockquote", { class: "claim-quote", lang: claim.article.language }, claim.exact),
    claim.anchorStatus !== "anchored" ? h("p", { class: "notice notice-warn" }, t("anchorWarning", { status: claim.anchorStatus })) : null,
    anchorHistoryDisclosure(claim.id, claim.article.language),
    h("p", { class: "muted claim-meta" }, `${t("author")}: ${nameOf(claim.authorId)} · ${t("assignee")}: ${nameOf(claim.assigneeId)} · ${t("updated")}: ${formatDate(claim.updatedAt, uiLanguage())}`),
  ];
}

/** Show the saved claim's verdict and state in the head. */
export function refreshHeadBadge(state: PanelState, claim: Pick<ClaimDetail, "ratingKey" | "state">) {
  const fresh = claimBadge(claim.ratingKey, claim.state);
  state.headBadge?.replaceWith(fresh);
  state.headBadge = fresh;
}
