/**
 * On a claim sent back: a banner at the top of the panel saying who asked for what and when, with a
 * link to the comment in the discussion below (the request's comment is written in the same batch).
 */
import { api, unwrap, type ClaimDetail } from "../../lib/api";
import { formatDate, h, replace } from "../../lib/dom";
import { t, uiLanguage } from "../../lib/i18n";

/** The banner for `claim` (filled once loaded), or null when it was not sent back. */
export function changesBanner(claim: ClaimDetail, nameOf: (id: number | null) => string): HTMLElement | null {
  if (claim.state !== "changes_requested") return null;
  const id = `changes-${claim.id}`;
  const host = h("section", { class: "notice notice-warn changes-banner", role: "region", "aria-labelledby": id }, h("h3", { id }, t("changesRequestedBanner")));
  void (async () => {
    const [history, comments] = await Promise.all([
      unwrap(api.claims[":id"].history.$get({ param: { id: String(claim.id) } })),
      unwrap(api.claims[":id"].comments.$get({ param: { id: String(claim.id) } })),
    ]);
    const request = history.items.filter((e) => e.action === "claim.request_changes").at(-1);
    if (!request) return;
    const at = Date.parse(request.createdAt);
    const comment = comments.items
      .filter((c) => c.authorId === request.actorId)
      .sort((a, b) => Math.abs(Date.parse(a.createdAt) - at) - Math.abs(Date.parse(b.createdAt) - at))[0];
    const link = comment ? h("a", { href: `#comment-${comment.id}`, class: "changes-link", "data-comment-link": comment.id }, t("readThread")) : null;
    link?.addEventListener("click", (e) => {
      // The workspace routes on the hash: scroll to the comment and focus it instead of following the link.
      e.preventDefault();
      const target = document.getElementById(`comment-${comment!.id}`);
      target?.scrollIntoView({ block: "center" });
      target?.focus();
    });
    replace(
      host,
      h("h3", { id }, t("changesRequestedBanner")),
      h("p", { class: "changes-who" }, t("changesRequestedBy", { name: nameOf(request.actorId), when: formatDate(request.createdAt, uiLanguage()) })),
      comment ? h("blockquote", { class: "changes-what" }, comment.body) : null,
      link,
    );
  })().catch(() => undefined);
  return host;
}
