/** Selection → new claim: the text selected in the viewer (or a chosen suggestion) becomes a claim of the current revision. */
import type { ArticleViewer, SelectedRange } from "../../editor/article-viewer";
import { api, errorMessage, unwrap } from "../../lib/api";
import { showError } from "../../lib/dom";
import { t } from "../../lib/i18n";

export interface NewClaimOptions {
  articleId: number;
  /** The toolbar's "New claim" button and its error slot. */
  button: HTMLButtonElement;
  error: HTMLElement;
  /** The viewer and the revision on screen, or null while the article is loading. */
  current: () => { viewer: ArticleViewer; revisionId: number } | null;
  /** The claim was created; errors thrown here are shown in the error slot too. */
  onCreated: (claimId: number) => Promise<void>;
}

/** Wire the "New claim" button; returns the action, which takes a suggestion's range or the selection now. */
export function newClaimAction(options: NewClaimOptions): (chosen?: SelectedRange) => Promise<void> {
  const { button, error } = options;

  async function create(chosen?: SelectedRange) {
    showError(error, null);
    const current = options.current();
    const range = chosen ?? current?.viewer.selection();
    if (!current || !range) {
      showError(error, t("selectFirst"));
      return;
    }
    button.disabled = true;
    try {
      const { claim } = await unwrap(
        api.articles[":id"].claims.$post({
          param: { id: String(options.articleId) },
          json: {
            revisionId: current.revisionId,
            selector: [
              { type: "TextQuoteSelector", exact: range.exact, prefix: "", suffix: "" },
              { type: "TextPositionSelector", start: range.start, end: range.end },
            ],
          },
        }),
      );
      await options.onCreated(claim.id);
    } catch (err) {
      showError(error, errorMessage(err));
    } finally {
      button.disabled = false;
    }
  }

  button.addEventListener("mousedown", (e) => e.preventDefault()); // keep the text selection
  button.addEventListener("click", () => void create());
  return create;
}
