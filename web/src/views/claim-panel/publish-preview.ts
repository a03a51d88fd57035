/**
 * Publishing asks first: the card as the public will see it, the ClaimReview summary search engines
 * will read, and a confirmation that names the claim. Afterwards, a link to the public claim.
 */
import { api, errorMessage, unwrap } from "../../lib/api";
import { h, replace } from "../../lib/dom";
import { t, uiLanguage } from "../../lib/i18n";

type Review = { reviewRating?: { alternateName?: string }; itemReviewed?: { author?: { "@type"?: string; name?: string } }; url?: string; datePublished?: string } | null;

/** Show the preview in `host`; `publish` runs on confirmation; Cancel gives the focus back to `opener` (the Publish button). */
export async function showPublishPreview(host: HTMLElement, claimId: number, exact: string, publish: () => Promise<void>, opener?: HTMLElement) {
  const res = await unwrap(api.claims[":id"]["publish-preview"].$get({ param: { id: String(claimId) }, query: { ui: uiLanguage() } }));
  const review = res.claimReview as Review;
  const card = h("div", { class: "public-card-preview" });
  // The server rendered the card with the public page's own escaping renderer.
  card.innerHTML = res.cardHtml;
  const confirm = h("button", { type: "button", class: "btn btn-primary", "data-action": "confirm-publish" }, t("confirmPublish", { id: String(claimId) }));
  const cancel = h("button", { type: "button", class: "btn" }, t("cancel"));
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const titleId = `publish-preview-${claimId}`;
  replace(
    host,
    h(
      "section",
      { class: "publish-preview", role: "region", "aria-labelledby": titleId },
      h("h3", { id: titleId }, t("publishPreviewTitle")),
      h("p", { "data-publish-question": "" }, t("publishQuestion", { id: String(claimId), quote: exact })),
      card,
      h(
        "dl",
        { class: "claimreview-summary" },
        h("dt", {}, t("crRating")), h("dd", {}, review?.reviewRating?.alternateName ?? "—"),
        h("dt", {}, t("crAuthor")), h("dd", {}, review?.itemReviewed?.author ? `${review.itemReviewed.author.name} (${review.itemReviewed.author["@type"]})` : "—"),
        h("dt", {}, t("crUrl")), h("dd", {}, review?.url ?? res.publicPath),
      ),
      h("div", { class: "row" }, confirm, cancel),
      error,
    ),
  );
  confirm.focus();
  cancel.addEventListener("click", () => {
    replace(host);
    opener?.focus();
  });
  confirm.addEventListener("click", async () => {
    confirm.disabled = true;
    try {
      await publish();
    } catch (err) {
      error.hidden = false;
      error.textContent = errorMessage(err);
      confirm.disabled = false;
      // Disabling dropped the focus: back on the button, beside the reason it failed.
      confirm.focus();
    }
  });
}

/** After publishing: the link to the public claim. */
export function publicClaimLink(claimId: number): HTMLElement {
  return h("p", { class: "notice notice-ok public-claim-link" }, t("publishedNow"), " ", h("a", { href: `/claims/${claimId}`, target: "_blank", rel: "noopener" }, t("viewPublicClaim")));
}
