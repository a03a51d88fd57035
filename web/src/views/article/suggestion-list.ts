/**
 * The article view's suggestions slot: the best check-worthy sentences of the current revision,
 * underlined in the text and listed here, each with "Make claim" (the sentence becomes the new
 * claim's selection) and "Dismiss" (remembered for this revision). Buttons only, so every action
 * is reachable with Tab and Enter.
 */
import { api, errorMessage, unwrap } from "../../lib/api";
import { truncate } from "../../lib/claim-label";
import { h, replace, showError } from "../../lib/dom";
import { t } from "../../lib/i18n";
import { keepFocus } from "../../lib/keep-focus";
import type { ArticleViewer, SelectedRange } from "../../editor/article-viewer";

type Suggestion = Awaited<ReturnType<typeof fetchSuggestions>>["items"][number];

const fetchSuggestions = (articleId: number) => unwrap(api.articles[":id"].suggestions.$get({ param: { id: String(articleId) }, query: { limit: "8" } }));

export interface SuggestionSlotOptions {
  articleId: number;
  /** The article's language, for the quotes' `lang`. */
  language: string;
  viewer: () => ArticleViewer | undefined;
  /** Turn the range into a new claim (the article view's "New claim" with this selection). */
  makeClaim: (range: SelectedRange) => Promise<void>;
}

/** The slot's element and a way to reload it (after a new revision, or when a claim now covers a suggestion). */
export interface SuggestionSlot {
  element: HTMLElement;
  refresh(): Promise<void>;
}

/** Build the suggestions slot; call refresh() once the viewer exists. */
export function suggestionSlot(options: SuggestionSlotOptions): SuggestionSlot {
  let items: Suggestion[] = [];
  let revisionId = 0;
  let active: number | null = null;
  /** Reads started and dismissals made: a read overtaken by a newer one is dropped, one overtaken by a dismissal is made again. */
  let reads = 0;
  let dismissals = 0;
  const count = h("span", { class: "count" });
  const list = h("ul", { class: "suggestion-list" });
  const status = h("p", { class: "notice notice-ok", role: "status", "aria-live": "polite", hidden: true });
  const error = h("p", { class: "field-error", role: "alert", hidden: true });
  const element = h(
    "section",
    { class: "panel suggestions", "aria-labelledby": "suggestions-title", "data-slot": "suggestions" },
    h("h2", { id: "suggestions-title", tabindex: "-1" }, t("suggestions"), " ", count),
    h("p", { class: "hint" }, t("suggestionsHint")),
    status,
    error,
    list,
  );

  const underline = () =>
    options.viewer()?.setSuggestions(items.map((s) => ({ start: s.start, end: s.end, label: `${t("suggestions")}: ${t("suggestionScore", { score: s.score.toFixed(2) })}`, active: s.start === active })));

  const show = (s: Suggestion) => {
    active = s.start;
    underline();
    options.viewer()?.selectRange(s.start, s.end);
  };

  async function dismiss(s: Suggestion, index: number) {
    showError(error, null);
    try {
      await unwrap(api.articles[":id"].suggestions.dismissals.$post({ param: { id: String(options.articleId) }, json: { revisionId, start: s.start, end: s.end } }));
      dismissals++;
      items = items.filter((x) => x.start !== s.start || x.end !== s.end);
      render();
      status.textContent = t("suggestionDismissed");
      status.hidden = false;
      // Keep the keyboard where it was: on the next suggestion, or on the heading when none is left.
      const next = list.querySelectorAll<HTMLButtonElement>("button[data-action=make]")[Math.min(index, items.length - 1)];
      (next ?? element.querySelector<HTMLElement>("#suggestions-title"))?.focus();
    } catch (err) {
      showError(error, errorMessage(err));
    }
  }

  async function make(s: Suggestion, button: HTMLButtonElement) {
    showError(error, null);
    button.disabled = true;
    show(s);
    try {
      await options.makeClaim({ start: s.start, end: s.end, exact: s.quote });
    } catch (err) {
      showError(error, errorMessage(err));
    } finally {
      button.disabled = false;
    }
  }

  function render() {
    count.textContent = String(items.length);
    underline();
    if (items.length === 0) return replace(list, h("li", { class: "empty" }, t("suggestionsEmpty")));
    // A live re-read redraws the list: a button that had the focus keeps it (found again by its sentence).
    const restoreFocus = keepFocus(list);
    replace(
      list,
      items.map((s, index) => {
        const makeButton = h("button", { type: "button", class: "btn btn-small btn-primary", "data-action": "make", "data-focus-key": `make-${s.start}` }, t("makeClaim"));
        makeButton.addEventListener("click", () => void make(s, makeButton));
        const quote = truncate(s.quote, 160);
        return h(
          "li",
          { class: "suggestion", "data-start": String(s.start) },
          h("button", { type: "button", class: "btn-link suggestion-quote", lang: options.language, title: t("showSuggestion"), "data-focus-key": `show-${s.start}`, onclick: () => show(s) }, `“${quote}”`),
          h(
            "div",
            { class: "suggestion-actions" },
            h("span", { class: "muted" }, t("suggestionScore", { score: s.score.toFixed(2) })),
            makeButton,
            h("button", { type: "button", class: "btn btn-small", "data-action": "dismiss", "data-focus-key": `dismiss-${s.start}`, onclick: () => void dismiss(s, index) }, t("dismissSuggestion")),
          ),
        );
      }),
    );
    restoreFocus();
  }

  const slot: SuggestionSlot = {
    element,
    async refresh() {
      const read = ++reads;
      const seen = dismissals;
      try {
        const body = await fetchSuggestions(options.articleId);
        if (read !== reads) return;
        // A live re-read that was under way when the person dismissed one would bring it back: read again.
        if (seen !== dismissals) return slot.refresh();
        items = body.items;
        revisionId = body.revision.id;
        render();
      } catch (err) {
        showError(error, errorMessage(err));
      }
    },
  };
  return slot;
}
