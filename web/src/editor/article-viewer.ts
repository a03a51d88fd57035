/** The article in a read-only Tiptap editor, with claims as decorations and "new claim" from a selection. */
import { Editor } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { codePointSlice } from "../../../schema/text/code-points";
import { textOffsets, trimRange, type TextOffsets } from "../lib/text-offsets";
import { ClaimHighlights, claimDecorations, claimHighlightsKey, type HighlightClaim } from "./claim-highlights";
import { ReadOnlyText } from "./read-only-text";
import { SuggestionUnderlines, suggestionDecorations, suggestionUnderlinesKey, type UnderlinedSuggestion } from "./suggestion-underlines";
import { TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";

/** A selection turned into a claim's place in the canonical text. */
export interface SelectedRange {
  start: number;
  end: number;
  exact: string;
}

export interface ArticleViewerOptions {
  element: HTMLElement;
  doc: object;
  language: string;
  label: string;
  /** "New claim" was asked for from the keyboard. */
  onNewClaim: () => void;
  /** A highlight was clicked. */
  onOpenClaim: (id: number) => void;
}

/** The viewer's handle; whoever builds it calls destroy(). */
export interface ArticleViewer {
  editor: Editor;
  offsets: TextOffsets;
  setClaims(claims: HighlightClaim[]): void;
  /** Underline check-worthy suggestions (faintly: they are hints, not claims). */
  setSuggestions(suggestions: UnderlinedSuggestion[]): void;
  /** Select a range of the canonical text (code points) and scroll it into view. */
  selectRange(start: number, end: number): void;
  /** The current selection as a claim range (trimmed of white space), or null when nothing is selected. */
  selection(): SelectedRange | null;
  /** Scroll a claim's highlight into view. */
  reveal(id: number): void;
  destroy(): void;
}

const paragraphsOf = (editor: Editor) => {
  const list: string[] = [];
  editor.state.doc.forEach((node) => list.push(node.textContent));
  return list;
};

/** Build the viewer into `element`. */
export function createArticleViewer(options: ArticleViewerOptions): ArticleViewer {
  const editor = new Editor({
    element: options.element,
    injectCSS: false,
    extensions: [Document, Paragraph, Text, ClaimHighlights, SuggestionUnderlines, ReadOnlyText],
    content: options.doc,
    editorProps: {
      attributes: {
        class: "article-text",
        lang: options.language,
        role: "textbox",
        "aria-readonly": "true",
        "aria-multiline": "true",
        "aria-label": options.label,
      },
      handleKeyDown: (view, event) => {
        const mod = event.ctrlKey || event.metaKey;
        const plainN = event.key.toLowerCase() === "n" && !mod && !event.altKey;
        const chord = mod && event.altKey && event.code === "KeyC";
        if ((plainN || chord) && !liveSelection(view).empty) {
          event.preventDefault();
          options.onNewClaim();
          return true;
        }
        return false;
      },
      handleClick: (view, _pos, event) => {
        const target = (event.target as HTMLElement).closest<HTMLElement>("[data-claim-id]");
        if (!target || !view.state.selection.empty) return false;
        options.onOpenClaim(Number(target.dataset.claimId));
        return true;
      },
    },
  });
  const offsets = textOffsets(paragraphsOf(editor));

  return {
    editor,
    offsets,
    setClaims(claims) {
      const set = claimDecorations(editor.state.doc, offsets, claims);
      editor.view.dispatch(editor.state.tr.setMeta(claimHighlightsKey, set).setMeta("addToHistory", false));
    },
    setSuggestions(suggestions) {
      const set = suggestionDecorations(editor.state.doc, offsets, suggestions);
      editor.view.dispatch(editor.state.tr.setMeta(suggestionUnderlinesKey, set).setMeta("addToHistory", false));
    },
    selectRange(start, end) {
      const from = offsets.toPosition(start);
      const to = offsets.toPosition(end);
      editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to)).scrollIntoView().setMeta("addToHistory", false));
    },
    selection() {
      const { from, to, empty } = liveSelection(editor.view);
      if (empty) return null;
      const range = trimRange(offsets.text, offsets.toCodePoint(from), offsets.toCodePoint(to));
      if (!range) return null;
      return { ...range, exact: codePointSlice(offsets.text, range.start, range.end) };
    },
    reveal(id) {
      const el = options.element.querySelector<HTMLElement>(`.claim-hl[data-claim-id="${id}"]`);
      el?.scrollIntoView({ block: "center", behavior: "smooth" });
    },
    destroy: () => editor.destroy(),
  };
}

/**
 * The selection as the browser holds it right now. ProseMirror takes DOM selection changes in
 * asynchronously, so a key pressed straight after Shift+Arrow can find its state one step behind.
 */
function liveSelection(view: EditorView): { from: number; to: number; empty: boolean } {
  const dom = view.dom.ownerDocument.getSelection();
  if (dom && dom.rangeCount > 0 && dom.anchorNode && dom.focusNode && view.dom.contains(dom.anchorNode) && view.dom.contains(dom.focusNode)) {
    try {
      const a = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
      const b = view.posAtDOM(dom.focusNode, dom.focusOffset);
      return { from: Math.min(a, b), to: Math.max(a, b), empty: a === b };
    } catch {
      // a node ProseMirror does not map (a decoration's label): fall back to its state
    }
  }
  const { from, to, empty } = view.state.selection;
  return { from, to, empty };
}
