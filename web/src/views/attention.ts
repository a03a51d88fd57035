/**
 * A claim that needs a person after a revision: where it was checked (old context) beside where it may
 * be now (the suggestion, or its current place), the confidence, and the ways to place it.
 */
import type { SelectedRange } from "../editor/article-viewer";
import { api, errorMessage, refusalText, unwrap, type ClaimDetail } from "../lib/api";
import { h, replace, showError } from "../lib/dom";
import { t, type MessageKey } from "../lib/i18n";
import { contextParts, placedInCurrent, selectorPair, type PlacedQuote, type QuoteContext } from "../lib/claim-placement";
import { claimHash } from "../lib/router";
import { claimBadge } from "./claim-table";
import { anchorBadge } from "./anchor-badge";

/** A decision as the API returns it: allowed, or why not (a stable code the workspace translates). */
type Decided = { ok: boolean; reason?: string; code?: string; vars?: Record<string, string | number> };

export interface AttentionOptions {
  /** The selection in the article viewer on screen; without a viewer, the card links to the article instead. */
  selection?: () => SelectedRange | null;
  /** Called once the claim is placed, with a message to announce. */
  onPlaced: (claimId: number, message: string) => void;
  /** Show the article's title (lists across articles). */
  showArticle?: boolean;
}

function context(title: string, quote: QuoteContext | null, language: string, kind: "old" | "new") {
  const parts = quote ? contextParts(quote) : null;
  return h(
    "figure",
    { class: `context context-${kind}` },
    h("figcaption", {}, title),
    parts
      ? h("blockquote", { lang: language }, parts.before, h("mark", {}, parts.exact), parts.after)
      : h("p", { class: "muted no-place" }, t("noPlaceFound")),
  );
}

/** The card for `claim` (a claim detail from GET /api/claims/:id); `confirm` is the server's decision on confirming a proposed place. */
export function attentionCard(claim: ClaimDetail, options: AttentionOptions, confirm?: Decided): HTMLElement {
  const language = claim.article.language;
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const placed = placedInCurrent(claim);
  const suggestion = claim.anchorStatus === "changed" ? (claim.anchorSuggestion as PlacedQuote | null) : null;

  async function anchor(place: PlacedQuote, button: HTMLButtonElement) {
    showError(error, null);
    button.disabled = true;
    try {
      const { claim: after } = await unwrap(api.claims[":id"].anchor.$post({ param: { id: String(claim.id) }, json: { version: claim.version, selector: selectorPair(place) } }));
      // A public fact-check's new place is only proposed: a second person confirms it.
      options.onPlaced(claim.id, t(after.anchorProposal ? "anchorProposed" : "anchorPlaced", { id: claim.id }));
    } catch (err) {
      // The server's reason (only editors may move a published fact-check, a stale version, a selection
      // that does not quote the text) is shown beside the button that caused it.
      showError(error, errorMessage(err));
      button.disabled = false;
    }
  }

  const buttons: HTMLElement[] = [];
  const proposal = claim.anchorProposal as (PlacedQuote & { proposedBy: number }) | null;
  if (proposal) {
    const b = h("button", { type: "button", class: "btn btn-primary btn-small", "data-action": "confirm-proposal", disabled: !confirm?.ok }, t("confirmProposal"));
    b.addEventListener("click", async () => {
      showError(error, null);
      b.disabled = true;
      try {
        await unwrap(api.claims[":id"].anchor.confirm.$post({ param: { id: String(claim.id) }, json: { version: claim.version } }));
        options.onPlaced(claim.id, t("anchorPlaced", { id: claim.id }));
      } catch (err) {
        showError(error, errorMessage(err));
        b.disabled = false;
      }
    });
    buttons.push(b);
    if (confirm && !confirm.ok && confirm.reason) buttons.push(h("p", { class: "reason" }, refusalText(confirm)));
  }
  const primary = (label: string, place: PlacedQuote, action: string) => {
    const b = h("button", { type: "button", class: "btn btn-primary btn-small", "data-action": action }, label);
    b.addEventListener("click", () => void anchor(place, b));
    buttons.push(b);
  };
  if (suggestion) primary(t("confirmSuggestion"), suggestion, "confirm-suggestion");
  if (placed) primary(t("confirmPlace"), claim, "confirm-place");
  if (options.selection) {
    const b = h("button", { type: "button", class: "btn btn-small", "data-action": "reattach", "aria-describedby": `reattach-hint-${claim.id}` }, t("reattach"));
    b.addEventListener("mousedown", (e) => e.preventDefault()); // keep the article selection
    b.addEventListener("click", () => {
      const range = options.selection!();
      if (!range) return showError(error, t("selectFirst"));
      void anchor({ ...range, prefix: "", suffix: "" }, b);
    });
    buttons.push(b, h("p", { class: "hint", id: `reattach-hint-${claim.id}` }, t("reattachHint")));
  } else {
    buttons.push(h("a", { class: "btn btn-small", href: claimHash(claim.article.id, claim.id) }, t("openToReattach")));
  }

  const titleId = `attention-${claim.id}`;
  return h(
    "article",
    { class: "attention-card", "data-claim-id": claim.id, "data-anchor-status": claim.anchorStatus, "aria-labelledby": titleId },
    h(
      "div",
      { class: "attention-head" },
      h("h3", { id: titleId }, h("a", { href: claimHash(claim.article.id, claim.id) }, `${t("claim")} #${claim.id}`)),
      anchorBadge(claim.anchorStatus, claim.anchorConfidence),
      claimBadge(claim.ratingKey, claim.state),
      claim.needsReview ? h("span", { class: "badge needs-review" }, t("needsReview")) : null,
    ),
    options.showArticle ? h("p", { class: "muted attention-article", lang: language }, claim.article.title) : null,
    h("p", { class: "hint" }, t(`anchorWhy_${claim.anchorStatus}` as MessageKey)),
    h(
      "div",
      { class: "context-pair" },
      // A placed claim's selector already points into the current text: there is no older context to show.
      placed ? null : context(t("oldContext"), claim, language, "old"),
      placed ? context(t("currentContext"), claim, language, "new") : context(t("newContext"), suggestion, language, "new"),
      proposal ? context(t("proposedContext"), proposal, language, "new") : null,
    ),
    h("div", { class: "attention-actions" }, buttons),
    error,
  );
}

/** Render the cards of claims already read in full (GET /api/claims/attention), or the "all clear" note. */
export function renderAttentionCards(host: HTMLElement, details: readonly { claim: ClaimDetail; confirmAnchor: Decided }[], options: AttentionOptions) {
  if (details.length === 0) return replace(host, h("p", { class: "empty" }, t("attentionEmpty")));
  // A redraw (a live change elsewhere, a re-read after connecting) keeps the card of a claim that did not
  // change: the error beside its button, a button in flight and the focus stay where the person left them.
  const kept = new Map<string, HTMLElement>();
  for (const card of host.querySelectorAll<HTMLElement>(":scope > .attention-card")) kept.set(card.dataset.cardKey ?? "", card);
  replace(
    host,
    details.map((d) => {
      const key = cardKey(d.claim, d.confirmAnchor, Boolean(options.selection));
      const card = kept.get(key) ?? attentionCard(d.claim, options, d.confirmAnchor);
      card.dataset.cardKey = key;
      return card;
    }),
  );
}

/** What a card shows of its claim: the same key draws the same card. */
function cardKey(claim: ClaimDetail, confirm: Decided | undefined, withSelection: boolean): string {
  return JSON.stringify([claim.id, claim.version, claim.anchorStatus, claim.anchorSuggestion, claim.anchorProposal, claim.state, claim.needsReview, confirm ?? null, withSelection]);
}

/** Load the details of `ids` and render their cards into `host` (an "all clear" note when there are none). */
export async function renderAttention(host: HTMLElement, ids: readonly number[], options: AttentionOptions) {
  if (ids.length === 0) return replace(host, h("p", { class: "empty" }, t("attentionEmpty")));
  try {
    // The claim list routes carry no suggestion or context, so each card reads its claim in full.
    const details = await Promise.all(ids.map((id) => unwrap(api.claims[":id"].$get({ param: { id: String(id) } }))));
    renderAttentionCards(host, details, options);
  } catch (err) {
    replace(host, h("p", { class: "error", role: "alert" }, errorMessage(err)));
  }
}
