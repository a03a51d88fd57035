/** The article view: the text with its claims, "New claim" from a selection, and the claim side panel. */
import { api, errorMessage, unwrap, type ArticleClaim, type ArticleResponse } from "../lib/api";
import { claimLabel, verdictTone } from "../lib/claim-label";
import { h, replace, showError } from "../lib/dom";
import { t, uiLanguage } from "../lib/i18n";
import { claimHash } from "../lib/router";
import { createArticleViewer, type ArticleViewer } from "../editor/article-viewer";
import { claimBadge } from "./claim-table";
import { openClaimPanel, type ClaimPanel } from "./claim-panel";
import type { ViewHandle } from "./view";

const shortcut = navigator.platform.toLowerCase().includes("mac") ? "⌘⌥C" : "Ctrl+Alt+C";

/** Render article `id`, with claim `claimId` open in the side panel when given. */
export function renderArticle(main: HTMLElement, id: number, claimId: number | null): ViewHandle {
  let viewer: ArticleViewer | undefined;
  let panel: ClaimPanel | undefined;
  let claims: ArticleClaim[] = [];
  let activeId: number | null = claimId;
  let destroyed = false;
  let justCreated: number | null = null;

  const newButton = h("button", { type: "button", class: "btn btn-primary", "aria-keyshortcuts": "N Control+Alt+C", "aria-describedby": "new-claim-hint" }, "+ ", t("newClaim"));
  const newError = h("p", { class: "field-error", role: "alert", hidden: true });
  const claimList = h("ul", { class: "claim-list" });
  const panelHost = h("div", { class: "claim-panel-host" });
  const suggestions = h(
    "section",
    { class: "panel suggestions", "aria-labelledby": "suggestions-title", "data-slot": "suggestions" },
    h("h2", { id: "suggestions-title" }, t("suggestions")),
    h("p", { class: "muted" }, t("suggestionsEmpty")),
  );
  replace(main, h("p", { class: "muted" }, t("loading")));

  function highlight() {
    viewer?.setClaims(
      claims.map((c) => ({ id: c.id, start: c.start, end: c.end, tone: verdictTone(c.ratingKey), state: c.state, label: claimLabel(c.ratingKey, c.state, uiLanguage()), active: c.id === activeId })),
    );
    replace(
      claimList,
      claims.map((c) =>
        h(
          "li",
          { class: c.id === activeId ? "is-active" : null },
          h(
            "a",
            { href: claimHash(id, c.id), class: "claim-link", "aria-current": c.id === activeId ? "true" : null },
            h("span", { class: "claim-link-quote", lang: article?.article.language }, `#${c.id} “${c.exact.length > 80 ? `${c.exact.slice(0, 79)}…` : c.exact}”`),
            claimBadge(c.ratingKey, c.state),
          ),
        ),
      ),
    );
  }

  async function reloadClaims() {
    claims = (await unwrap(api.articles[":id"].claims.$get({ param: { id: String(id) } }))).items;
    if (!destroyed) highlight();
  }

  async function openClaim(cid: number | null) {
    if (panel) await panel.close();
    panel = undefined;
    activeId = cid;
    highlight();
    replace(panelHost);
    if (cid === null) return;
    panel = openClaimPanel(panelHost, cid, { onChanged: () => void reloadClaims(), onClose: () => (location.hash = `#/articles/${id}`), focusForm: cid === justCreated });
    viewer?.reveal(cid);
  }

  async function newClaim() {
    showError(newError, null);
    const range = viewer?.selection();
    if (!viewer || !article || !range) {
      showError(newError, t("selectFirst"));
      return;
    }
    newButton.disabled = true;
    try {
      const { claim } = await unwrap(
        api.articles[":id"].claims.$post({
          param: { id: String(id) },
          json: {
            revisionId: article.revision.id,
            selector: [
              { type: "TextQuoteSelector", exact: range.exact, prefix: "", suffix: "" },
              { type: "TextPositionSelector", start: range.start, end: range.end },
            ],
          },
        }),
      );
      await reloadClaims();
      justCreated = claim.id;
      location.hash = claimHash(id, claim.id);
    } catch (err) {
      showError(newError, errorMessage(err));
    } finally {
      newButton.disabled = false;
    }
  }
  newButton.addEventListener("mousedown", (e) => e.preventDefault()); // keep the text selection
  newButton.addEventListener("click", () => void newClaim());

  let article: ArticleResponse | undefined;
  void Promise.all([unwrap(api.articles[":id"].$get({ param: { id: String(id) } })), unwrap(api.articles[":id"].claims.$get({ param: { id: String(id) } }))])
    .then(([a, c]) => {
      if (destroyed) return;
      article = a;
      claims = c.items;
      const mount = h("div", { class: "article-mount" });
      const meta = [a.article.publisher, a.article.publishedAt, a.article.language].filter(Boolean).join(" · ");
      replace(
        main,
        h(
          "div",
          { class: "article-layout" },
          h(
            "section",
            { class: "article-pane", "aria-labelledby": "article-title" },
            h("div", { class: "article-head" }, h("h1", { id: "article-title", lang: a.article.language }, a.article.title), h("p", { class: "muted" }, meta, " · ", h("a", { href: `/articles/${a.article.slug}`, target: "_blank", rel: "noopener" }, t("viewPublic")))),
            h("div", { class: "article-tools" }, newButton, h("p", { id: "new-claim-hint", class: "hint" }, t("newClaimHint", { shortcut })), newError),
            h("article", { class: "article-body", lang: a.article.language }, mount),
          ),
          h(
            "aside",
            { class: "side-pane", "aria-label": t("claim") },
            panelHost,
            h("section", { class: "panel", "aria-labelledby": "claims-title" }, h("h2", { id: "claims-title" }, t("claimsOnArticle"), " ", h("span", { class: "count" }, String(claims.length))), claimList),
            suggestions,
          ),
        ),
      );
      viewer = createArticleViewer({
        element: mount,
        doc: a.revision.doc as object,
        language: a.article.language,
        label: `${t("articleText")}: ${a.article.title}`,
        onNewClaim: () => void newClaim(),
        onOpenClaim: (cid) => (location.hash = claimHash(id, cid)),
      });
      highlight();
      if (claimId) void openClaim(claimId);
    })
    .catch((err) => replace(main, h("p", { class: "error", role: "alert" }, errorMessage(err))));

  return {
    update(route) {
      if (route.name !== "article" || route.id !== id || !viewer) return false;
      if (route.claimId !== activeId) void openClaim(route.claimId);
      return true;
    },
    destroy() {
      destroyed = true;
      void panel?.close();
      viewer?.destroy();
    },
  };
}
