/** The article's "Public page" link: a link while a fact-check on it is public, else disabled with the reason. */
import { publicClaimStates, type ClaimState } from "../../../../schema/enums";
import type { ArticleClaim } from "../../lib/api";
import { h, replace } from "../../lib/dom";
import { t } from "../../lib/i18n";

export function createPublicLink(slug: string) {
  const element = h("span", { class: "public-link" });
  return {
    element,
    /** Redraw for the article's claims now. */
    show(claims: readonly Pick<ArticleClaim, "state">[]) {
      const isPublic = claims.some((c) => (publicClaimStates as readonly ClaimState[]).includes(c.state as ClaimState));
      if (isPublic) {
        replace(element, h("a", { href: `/articles/${slug}`, target: "_blank", rel: "noopener" }, t("viewPublic")));
        return;
      }
      // A link that leads to a 404 helps nobody: say why there is no public page yet.
      replace(
        element,
        h("a", { role: "link", "aria-disabled": "true", class: "disabled-link", "aria-describedby": "public-link-reason" }, t("viewPublic")),
        " ",
        h("span", { id: "public-link-reason", class: "muted" }, `(${t("notPublicYet")})`),
      );
    },
  };
}
