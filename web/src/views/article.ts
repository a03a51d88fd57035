/**
 * The article view: the text with its claims, "New claim" from a selection, the claim side panel,
 * "Update text" (a new revision, re-anchoring every claim), the revisions with their diffs, and the
 * claims that need a person after a revision.
 */
import { api, errorMessage, unwrap, type ArticleClaim, type ArticleResponse, type RevisionResult } from "../lib/api";
import { claimLabel, verdictTone } from "../lib/claim-label";
import { h, replace, showError } from "../lib/dom";
import { t, uiLanguage } from "../lib/i18n";
import { needsAttention, placedInCurrent } from "../lib/claim-placement";
import { claimHash } from "../lib/router";
import { createArticleViewer, type ArticleViewer, type SelectedRange } from "../editor/article-viewer";
import { renderAttention } from "./attention";
import { claimBadge } from "./claim-table";
import { openClaimPanel, type ClaimPanel } from "./claim-panel";
import { revisionsPanel } from "./revisions";
import { suggestionSlot, type SuggestionSlot } from "./suggestion-list";
import { anchorLabel, revisionOutcome, updateTextForm } from "./update-text";
import { alreadyCheckedSlot } from "./already-checked";
import type { ViewHandle } from "./view";

const shortcut = navigator.platform.toLowerCase().includes("mac") ? "⌘⌥C" : "Ctrl+Alt+C";

type Tool = "update" | "revisions";

/** Render article `id`, with claim `claimId` open in the side panel when given. */
export function renderArticle(main: HTMLElement, id: number, claimId: number | null): ViewHandle {
  let viewer: ArticleViewer | undefined;
  let panel: ClaimPanel | undefined;
  let article: ArticleResponse | undefined;
  let claims: ArticleClaim[] = [];
  let activeId: number | null = claimId;
  let destroyed = false;
  let justCreated: number | null = null;
  let openTool: Tool | null = null;

  const newButton = h("button", { type: "button", class: "btn btn-primary", "aria-keyshortcuts": "N Control+Alt+C", "aria-describedby": "new-claim-hint" }, "+ ", t("newClaim"));
  const newError = h("p", { class: "field-error", role: "alert", hidden: true });
  const toolHost = h("div", { class: "tool-host", id: "article-tool" });
  const toggle = (tool: Tool, label: string) => {
    const b = h("button", { type: "button", class: "btn", "aria-expanded": "false", "aria-controls": "article-tool", "data-tool": tool }, label);
    b.addEventListener("click", () => setTool(openTool === tool ? null : tool));
    return b;
  };
  const updateToggle = toggle("update", t("updateText"));
  const revisionsToggle = toggle("revisions", t("revisions"));
  const outcomeHost = h("div", { class: "outcome-host", tabindex: "-1" });
  const announce = h("p", { class: "notice notice-ok", role: "status", "aria-live": "polite", hidden: true });
  const claimList = h("ul", { class: "claim-list" });
  const claimCount = h("span", { class: "count" });
  const attentionHost = h("div", { class: "attention-list" });
  const attentionCount = h("span", { class: "count" });
  const attentionSection = h(
    "section",
    { class: "panel attention", "aria-labelledby": "attention-title", hidden: true },
    h("h2", { id: "attention-title" }, t("navFlagged"), " ", attentionCount),
    announce,
    attentionHost,
  );
  const panelHost = h("div", { class: "claim-panel-host" });
  const alreadyChecked = alreadyCheckedSlot(() => viewer?.selection()?.exact ?? null);
  let suggestions: SuggestionSlot | undefined;
  replace(main, h("p", { class: "muted" }, t("loading")));

  function setTool(tool: Tool | null) {
    openTool = tool;
    updateToggle.setAttribute("aria-expanded", String(tool === "update"));
    revisionsToggle.setAttribute("aria-expanded", String(tool === "revisions"));
    if (!article || !tool) return replace(toolHost);
    if (tool === "update") {
      const before = claims;
      replace(toolHost, h("section", { class: "tool-panel", "aria-label": t("updateText") }, updateTextForm(article, (result) => void saved(result, before), () => setTool(null))));
      toolHost.querySelector<HTMLTextAreaElement>("textarea")?.focus();
    } else {
      replace(toolHost, h("section", { class: "tool-panel", "aria-labelledby": "revisions-title" }, h("h2", { id: "revisions-title" }, t("revisions")), revisionsPanel(id, article.article.language, article.revision.number)));
    }
  }

  async function saved(result: RevisionResult, before: ArticleClaim[]) {
    setTool(null);
    await load();
    replace(outcomeHost, revisionOutcome(result, before, id, article?.article.language ?? ""));
    outcomeHost.focus();
  }

  function highlight() {
    // Changed and orphaned claims still hold offsets into their old revision: they are listed, never drawn.
    viewer?.setClaims(
      claims
        .filter(placedInCurrent)
        .map((c) => ({ id: c.id, start: c.start, end: c.end, tone: verdictTone(c.ratingKey), state: c.state, label: claimLabel(c.ratingKey, c.state, uiLanguage()), active: c.id === activeId })),
    );
    claimCount.textContent = String(claims.length);
    replace(
      claimList,
      claims.map((c) =>
        h(
          "li",
          { class: c.id === activeId ? "is-active" : null },
          h(
            "a",
            { href: claimHash(id, c.id), class: "claim-link", "aria-current": c.id === activeId ? "true" : null },
            h(
              "span",
              { class: "claim-link-quote", lang: article?.article.language },
              `#${c.id} “${c.exact.length > 80 ? `${c.exact.slice(0, 79)}…` : c.exact}”`,
              placedInCurrent(c) ? null : h("span", { class: "not-placed" }, ` — ${anchorLabel(c.anchorStatus)}: ${t("notInCurrentText")}`),
            ),
            claimBadge(c.ratingKey, c.state),
          ),
        ),
      ),
    );
  }

  function showAttention() {
    const ids = claims.filter(needsAttention).map((c) => c.id);
    attentionSection.hidden = ids.length === 0 && announce.hidden;
    attentionCount.textContent = String(ids.length);
    void renderAttention(attentionHost, ids, {
      selection: () => viewer?.selection() ?? null,
      onPlaced: (_cid, message) => {
        announce.textContent = message;
        announce.hidden = false;
        void reloadClaims();
      },
    });
  }

  async function reloadClaims() {
    claims = (await unwrap(api.articles[":id"].claims.$get({ param: { id: String(id) } }))).items;
    if (destroyed) return;
    highlight();
    showAttention();
    void suggestions?.refresh();
  }

  async function openClaim(cid: number | null) {
    if (panel) await panel.close();
    panel = undefined;
    activeId = cid;
    highlight();
    replace(panelHost);
    if (cid === null) return;
    alreadyChecked.forClaim(cid, claims.find((c) => c.id === cid)?.exact ?? "");
    panel = openClaimPanel(panelHost, cid, { onChanged: () => void reloadClaims(), onClose: () => (location.hash = `#/articles/${id}`), focusForm: cid === justCreated });
    viewer?.reveal(cid);
  }

  /** A new claim on `chosen` (a suggestion), or on the text selected now. */
  async function newClaim(chosen?: SelectedRange) {
    showError(newError, null);
    const range = chosen ?? viewer?.selection();
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

  /** Fetch the article and its claims and build the view; again after a new revision, with the new text. */
  async function load() {
    const [a, c] = await Promise.all([unwrap(api.articles[":id"].$get({ param: { id: String(id) } })), unwrap(api.articles[":id"].claims.$get({ param: { id: String(id) } }))]);
    if (destroyed) return;
    if (panel) await panel.close();
    panel = undefined;
    viewer?.destroy();
    article = a;
    claims = c.items;
    replace(outcomeHost);
    const mount = h("div", { class: "article-mount" });
    suggestions = suggestionSlot({ articleId: id, language: a.article.language, viewer: () => viewer, makeClaim: (range) => newClaim(range) });
    const meta = [a.article.publisher, a.article.publishedAt, a.article.language].filter(Boolean).join(" · ");
    replace(
      main,
      h(
        "div",
        { class: "article-layout" },
        h(
          "section",
          { class: "article-pane", "aria-labelledby": "article-title" },
          h(
            "div",
            { class: "article-head" },
            h("h1", { id: "article-title", lang: a.article.language }, a.article.title),
            h("p", { class: "muted" }, meta, " · ", t("revisionN", { n: a.revision.number }), " · ", h("a", { href: `/articles/${a.article.slug}`, target: "_blank", rel: "noopener" }, t("viewPublic"))),
          ),
          h(
            "div",
            { class: "article-tools" },
            newButton,
            h("p", { id: "new-claim-hint", class: "hint" }, t("newClaimHint", { shortcut })),
            h("span", { class: "tools-end" }, updateToggle, revisionsToggle),
            newError,
          ),
          toolHost,
          outcomeHost,
          h("article", { class: "article-body", lang: a.article.language }, mount),
        ),
        h(
          "aside",
          { class: "side-pane", "aria-label": t("claim") },
          panelHost,
          alreadyChecked.element,
          attentionSection,
          h("section", { class: "panel", "aria-labelledby": "claims-title" }, h("h2", { id: "claims-title" }, t("claimsOnArticle"), " ", claimCount), claimList),
          suggestions.element,
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
    showAttention();
    void suggestions.refresh();
    if (activeId) void openClaim(activeId);
  }

  load().catch((err) => replace(main, h("p", { class: "error", role: "alert" }, errorMessage(err))));

  return {
    update(route) {
      if (route.name !== "article" || route.id !== id || !viewer) return false;
      if (route.claimId !== activeId) void openClaim(route.claimId);
      return true;
    },
    destroy() {
      destroyed = true;
      alreadyChecked.destroy();
      void panel?.close();
      viewer?.destroy();
    },
  };
}
