import { raw } from "hono/html";
import type { UiLanguage } from "../../schema/enums";
import type { Scale } from "../../schema/rating-scale";
import { claimReviewJsonLd, toClaimReview } from "../domain/claimreview";
import type { PublicArticle, PublicClaim, SiteConfig } from "../domain/public-view";

/** One ClaimReview JSON-LD block per public claim. JSON-LD is data, not script: the CSP does not apply. */
export function ClaimReviewScripts(props: { claims: PublicClaim[]; article: PublicArticle; site: SiteConfig; ui: UiLanguage; scale: Scale }) {
  return (
    <>
      {props.claims.map((claim) => {
        const review = toClaimReview(claim, props.article, props.site, props.ui, props.scale);
        return review ? <script type="application/ld+json">{raw(claimReviewJsonLd(review))}</script> : null;
      })}
    </>
  );
}
