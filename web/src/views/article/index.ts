/**
 * The article view: the text with its claims, "New claim" from a selection, the claim side panel,
 * "Update text" (a new revision, re-anchoring every claim), the revisions with their diffs, and the
 * claims that need a person after a revision. This module holds the view's state and wires its parts,
 * each a module of its own in this folder.
 */
import { createArticleViewer, type ArticleViewer } from "../../editor/article-viewer";
import { api, errorMessage, unwrap, type ArticleClaim, type ArticleResponse } from "../../lib/api";
import { h, replace } from "../../lib/dom";
import { t } from "../../lib/i18n";
import { claimHash } from "../../lib/router";
import { startArticleLive } from "../../live/article-live";
import { placedInCurrent } from "../../lib/claim-placement";
import { openClaimPanel, type ClaimPanel } from "../claim-panel";
import type { ViewHandle } from "../view";
import { alreadyCheckedSlot } from "../already-checked";
import { createAttentionSection } from "./attention-section";
import { createClaimList } from "./claim-list";
import { highlightClaims } from "./highlights";
import { articleLayout } from "./layout";
import { createPublicLink } from "./public-link";
import { newClaimAction } from "./new-claim";
import { suggestionSlot, type SuggestionSlot } from "./suggestion-list";
import { articleToolbar } from "./toolbar";
import { createToolPanels } from "./tool-panels";

/** The article view's handle: besides following routes, it can bring its claims up to date. */
export interface ArticleView extends ViewHandle {
  /** Fetch the article's claims again and redraw the highlights, the claim list, the attention list and the suggestions. */
  reloadClaims(): Promise<void>;
  /** Redraw the highlights and the claim list from the claims held now. */
  refreshHighlights(): void;
}

/** The width at which app.css stacks the side pane under the article text. */
const stacked = matchMedia("(max-width: 1000px)");

/** Render article `id`, with claim `claimId` open in the side panel when given. */
export function renderArticle(main: HTMLElement, id: number, claimId: number | null): ArticleView {
  let viewer: ArticleViewer | undefined;
  let panel: ClaimPanel | undefined;
  let article: ArticleResponse | undefined;
  let claims: ArticleClaim[] = [];
  let activeId: number | null = claimId;
  let destroyed = false;
  let justCreated: number | null = null;
  let suggestions: SuggestionSlot | undefined;
  let publicLink: ReturnType<typeof createPublicLink> | undefined;

  const fetchClaims = async () => (await unwrap(api.articles[":id"].claims.$get({ param: { id: String(id) } }))).items;
  const tools = createToolPanels({ articleId: id, article: () => article, claims: () => claims, reload: load });
  // The article's live desk: presence, and re-reading when others change its claims (web/src/live/).
  const live = startArticleLive({
    articleId: id,
    refreshClaims: reloadClaims,
    refreshAll: resync,
    isLoaded: () => article !== undefined,
    selection: () => viewer?.selection() ?? null,
    claims: () => claims.filter(placedInCurrent),
    onClaimEvent: (event) => event.claimId === activeId && panel?.live(event),
  });
  const toolbar = articleToolbar(tools.toggles, live);
  const newClaim = newClaimAction({
    articleId: id,
    button: toolbar.newButton,
    error: toolbar.newError,
    current: () => (viewer && article ? { viewer, revisionId: article.revision.id } : null),
    onCreated: async (cid) => {
      await reloadClaims();
      justCreated = cid;
      location.hash = claimHash(id, cid);
    },
  });
  const claimList = createClaimList(id);
  const attention = createAttentionSection({ selection: () => viewer?.selection() ?? null, onPlaced: () => void reloadClaims() });
  const panelHost = h("div", { class: "claim-panel-host" });
  const alreadyChecked = alreadyCheckedSlot(() => viewer?.selection()?.exact ?? null, {
    current(cid) {
      const claim = claims.find((c) => c.id === cid);
      if (!claim) return null;
      // The newest version known: the panel's own saves may be ahead of the list.
      const seen = cid === activeId ? (panel?.version() ?? 0) : 0;
      return { version: Math.max(seen, claim.version), sameAsId: claim.sameAsId };
    },
    linked(claim) {
      claims = claims.map((c) => (c.id === claim.id ? { ...c, version: claim.version, sameAsId: claim.sameAsId } : c));
      if (claim.id === activeId) panel?.adopt(claim.version);
      void reloadClaims();
    },
  });
  replace(main, h("p", { class: "muted" }, t("loading")));

  function refreshHighlights() {
    highlightClaims(viewer, claims, activeId);
    claimList.show(claims, activeId, article?.article.language);
    publicLink?.show(claims);
  }

  async function reloadClaims() {
    claims = await fetchClaims();
    if (destroyed) return;
    refreshHighlights();
    attention.show(claims);
    alreadyChecked.refresh();
    void suggestions?.refresh();
  }

  /** Missed changes: a new revision rebuilds the view; otherwise the claims, and the open one, are re-read. */
  async function resync() {
    const fresh = await unwrap(api.articles[":id"].$get({ param: { id: String(id) } }));
    if (destroyed) return;
    if (fresh.revision.number !== article?.revision.number) return load();
    await reloadClaims();
    panel?.resync(claims.find((c) => c.id === activeId)?.version ?? null);
  }

  async function openClaim(cid: number | null) {
    if (panel) await panel.close();
    panel = undefined;
    activeId = cid;
    live.openClaim(cid);
    refreshHighlights();
    replace(panelHost);
    if (cid === null) return;
    alreadyChecked.forClaim(cid, claims.find((c) => c.id === cid)?.exact ?? "");
    // Side by side, the text scrolls to the claim; stacked (a phone), the panel is below the text, so it comes into view once shown.
    const onShown = stacked.matches ? () => panelHost.scrollIntoView({ block: "start" }) : undefined;
    panel = openClaimPanel(panelHost, cid, { onChanged: () => void reloadClaims(), onClose: () => (location.hash = `#/articles/${id}`), focusForm: cid === justCreated, onShown });
    if (!stacked.matches) viewer?.reveal(cid);
  }

  /** Fetch the article and its claims and build the view; again after a new revision, with the new text. */
  async function load() {
    const [a, items] = await Promise.all([unwrap(api.articles[":id"].$get({ param: { id: String(id) } })), fetchClaims()]);
    if (destroyed) return;
    if (panel) await panel.close();
    panel = undefined;
    viewer?.destroy();
    article = a;
    claims = items;
    tools.clearOutcome();
    const mount = h("div", { class: "article-mount" });
    publicLink = createPublicLink(a.article.slug);
    suggestions = suggestionSlot({ articleId: id, language: a.article.language, viewer: () => viewer, makeClaim: (range) => newClaim(range) });
    replace(
      main,
      articleLayout(a, {
        toolbar: toolbar.element,
        toolHost: tools.host,
        outcomeHost: tools.outcome,
        mount,
        panelHost,
        alreadyChecked: alreadyChecked.element,
        attention: attention.section,
        claimList: claimList.section,
        suggestions: suggestions.element,
        publicLink: publicLink.element,
      }),
    );
    viewer = createArticleViewer({
      element: mount,
      doc: a.revision.doc as object,
      language: a.article.language,
      label: `${t("articleText")}: ${a.article.title}`,
      onNewClaim: () => void newClaim(),
      onOpenClaim: (cid) => (location.hash = claimHash(id, cid)),
    });
    refreshHighlights();
    attention.show(claims);
    void suggestions.refresh();
    if (activeId) void openClaim(activeId);
  }

  load().catch((err) => replace(main, h("p", { class: "error", role: "alert" }, errorMessage(err))));

  return {
    reloadClaims,
    refreshHighlights,
    update(route) {
      if (route.name !== "article" || route.id !== id || !viewer) return false;
      if (route.claimId !== activeId) void openClaim(route.claimId);
      return true;
    },
    destroy() {
      destroyed = true;
      live.destroy();
      alreadyChecked.destroy();
      void panel?.close();
      viewer?.destroy();
    },
  };
}
