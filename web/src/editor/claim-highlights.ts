/**
 * Claims drawn over the article as ProseMirror decorations, computed from their stored selectors.
 * The document JSON never holds claims, so overlapping claims and re-anchoring need no marks.
 */
import { PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { TextOffsets } from "../lib/text-offsets";
import { decorationLayer } from "./decoration-layer";

/** A claim as the highlighter needs it: where it is and what to call it. */
export interface HighlightClaim {
  id: number;
  start: number;
  end: number;
  tone: string;
  state: string;
  label: string;
  active?: boolean;
}

export const claimHighlightsKey = new PluginKey<DecorationSet>("claimHighlights");

/** Decorations for claims in a document whose text offsets are `offsets`. */
export function claimDecorations(doc: Parameters<typeof DecorationSet.create>[0], offsets: TextOffsets, claims: readonly HighlightClaim[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const claim of claims) {
    const from = offsets.toPosition(claim.start);
    const to = offsets.toPosition(claim.end);
    if (to <= from) continue;
    const cls = `claim-hl tone-${claim.tone} state-${claim.state}${claim.active ? " is-active" : ""}`;
    decorations.push(Decoration.inline(from, to, { class: cls, "data-claim-id": String(claim.id), title: claim.label }, { claimId: claim.id }));
    decorations.push(
      Decoration.widget(
        to,
        () => {
          const tag = document.createElement("span");
          tag.className = `claim-tag tone-${claim.tone} state-${claim.state}${claim.active ? " is-active" : ""}`;
          tag.contentEditable = "false";
          tag.dataset.claimId = String(claim.id);
          tag.textContent = `#${claim.id} ${claim.label}`;
          return tag;
        },
        { side: 1, ignoreSelection: true, key: `tag-${claim.id}-${claim.label}-${claim.active ? 1 : 0}`, claimId: claim.id },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** The extension: its decorations are replaced through a `claimHighlightsKey` meta. */
export const ClaimHighlights = decorationLayer("claimHighlights", claimHighlightsKey);
