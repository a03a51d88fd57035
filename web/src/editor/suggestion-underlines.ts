/**
 * Check-worthy suggestions drawn as faint underlines: ProseMirror decorations computed from the
 * suggestions' code-point ranges, like the claim highlights, and never part of the document.
 */
import { PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { TextOffsets } from "../lib/text-offsets";
import { decorationLayer } from "./decoration-layer";

/** A suggestion as the underliner needs it. */
export interface UnderlinedSuggestion {
  start: number;
  end: number;
  /** Shown as the underline's tooltip. */
  label: string;
  active?: boolean;
}

export const suggestionUnderlinesKey = new PluginKey<DecorationSet>("suggestionUnderlines");

/** Decorations for suggestions in a document whose text offsets are `offsets`. */
export function suggestionDecorations(doc: Parameters<typeof DecorationSet.create>[0], offsets: TextOffsets, suggestions: readonly UnderlinedSuggestion[]): DecorationSet {
  const decorations = suggestions.flatMap((s) => {
    const from = offsets.toPosition(s.start);
    const to = offsets.toPosition(s.end);
    if (to <= from) return [];
    const attrs = { class: `suggestion-hl${s.active ? " is-active" : ""}`, "data-suggestion-start": String(s.start), title: s.label };
    return [Decoration.inline(from, to, attrs)];
  });
  return DecorationSet.create(doc, decorations);
}

/** The extension: its decorations are replaced through a `suggestionUnderlinesKey` meta. */
export const SuggestionUnderlines = decorationLayer("suggestionUnderlines", suggestionUnderlinesKey);
