/** The article view's page: the article pane (head, toolbar, tool panels, text) beside the side pane (claim panel and lists). */
import type { ArticleResponse } from "../../lib/api";
import { h } from "../../lib/dom";
import { t } from "../../lib/i18n";

/** The parts the layout places; each is built and kept up to date by its own module. */
export interface LayoutParts {
  toolbar: HTMLElement;
  toolHost: HTMLElement;
  outcomeHost: HTMLElement;
  /** Where the article viewer mounts the text. */
  mount: HTMLElement;
  panelHost: HTMLElement;
  /** "Already checked": fact-checks like the selection or the open claim. */
  alreadyChecked: HTMLElement;
  attention: HTMLElement;
  claimList: HTMLElement;
  suggestions: HTMLElement;
  /** The "Public page" link, or why there is none yet. */
  publicLink: HTMLElement;
}

/** The whole page for article `a`. */
export function articleLayout(a: ArticleResponse, parts: LayoutParts): HTMLElement {
  const meta = [a.article.publisher, a.article.publishedAt, a.article.language].filter(Boolean).join(" · ");
  return h(
    "div",
    { class: "article-layout" },
    h(
      "section",
      { class: "article-pane", "aria-labelledby": "article-title" },
      h(
        "div",
        { class: "article-head" },
        h("h1", { id: "article-title", lang: a.article.language }, a.article.title),
        h("p", { class: "muted" }, meta, " · ", t("revisionN", { n: a.revision.number }), " · ", parts.publicLink),
      ),
      parts.toolbar,
      parts.toolHost,
      parts.outcomeHost,
      h("article", { class: "article-body", lang: a.article.language }, parts.mount),
    ),
    h("aside", { class: "side-pane", "aria-label": t("claim") }, parts.panelHost, parts.alreadyChecked, parts.attention, parts.claimList, parts.suggestions),
  );
}
