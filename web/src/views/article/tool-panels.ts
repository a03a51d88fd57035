/**
 * The article's tool panels, opened by their toggles in the toolbar: "Update text" (a new revision) and
 * the revisions with their diffs; and, after a new revision, its outcome for every claim.
 */
import type { ArticleClaim, ArticleResponse, RevisionResult } from "../../lib/api";
import { h, replace } from "../../lib/dom";
import { t } from "../../lib/i18n";
import { detailsForm } from "./details-form";
import { revisionOutcome } from "./revision-outcome";
import { revisionsPanel } from "./revisions-panel";
import { updateTextForm } from "./update-text";

type Tool = "update" | "revisions" | "details";

export interface ToolPanelOptions {
  articleId: number;
  /** The article on screen, once loaded. */
  article: () => ArticleResponse | undefined;
  /** The claims on screen (before a new revision, for its outcome). */
  claims: () => ArticleClaim[];
  /** Load the article again (after a new revision, with the new text). */
  reload: () => Promise<void>;
}

export interface ToolPanels {
  /** The toggles, for the toolbar. */
  toggles: HTMLElement[];
  /** Where the open tool is shown. */
  host: HTMLElement;
  /** Where a new revision's outcome is shown. */
  outcome: HTMLElement;
  clearOutcome(): void;
}

/** Build the toggles and their hosts; no tool is open at first. */
export function createToolPanels(options: ToolPanelOptions): ToolPanels {
  let openTool: Tool | null = null;
  const host = h("div", { class: "tool-host", id: "article-tool" });
  const outcome = h("div", { class: "outcome-host", tabindex: "-1" });
  const toggle = (tool: Tool, label: string) => {
    const b = h("button", { type: "button", class: "btn", "aria-expanded": "false", "aria-controls": "article-tool", "data-tool": tool }, label);
    b.addEventListener("click", () => setTool(openTool === tool ? null : tool));
    return b;
  };
  const updateToggle = toggle("update", t("updateText"));
  const revisionsToggle = toggle("revisions", t("revisions"));
  const detailsToggle = toggle("details", t("articleDetails"));

  function setTool(tool: Tool | null) {
    openTool = tool;
    updateToggle.setAttribute("aria-expanded", String(tool === "update"));
    revisionsToggle.setAttribute("aria-expanded", String(tool === "revisions"));
    detailsToggle.setAttribute("aria-expanded", String(tool === "details"));
    const article = options.article();
    if (!article || !tool) return replace(host);
    if (tool === "update") {
      const before = options.claims();
      replace(host, h("section", { class: "tool-panel", "aria-label": t("updateText") }, updateTextForm(article, (result) => void saved(result, before), () => setTool(null))));
      host.querySelector<HTMLTextAreaElement>("textarea")?.focus();
    } else if (tool === "details") {
      const done = async () => {
        await options.reload();
        setTool("details");
        host.querySelector("[data-details-status]")!.textContent = t("detailsSaved");
      };
      replace(host, h("section", { class: "tool-panel", "aria-labelledby": "details-title" }, h("h2", { id: "details-title" }, t("articleDetails")), detailsForm(article, done)));
    } else {
      replace(host, h("section", { class: "tool-panel", "aria-labelledby": "revisions-title" }, h("h2", { id: "revisions-title" }, t("revisions")), revisionsPanel(options.articleId, article.article.language, article.revision.number)));
    }
  }

  async function saved(result: RevisionResult, before: ArticleClaim[]) {
    setTool(null);
    await options.reload();
    replace(outcome, revisionOutcome(result, before, options.articleId, options.article()?.article.language ?? ""));
    outcome.focus();
  }

  return { toggles: [updateToggle, revisionsToggle, detailsToggle], host, outcome, clearOutcome: () => replace(outcome) };
}
