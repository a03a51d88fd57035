/** The article's claims drawn in its text, the open one marked active. */
import type { ArticleViewer } from "../../editor/article-viewer";
import type { ArticleClaim } from "../../lib/api";
import { claimLabel, verdictTone } from "../../lib/claim-label";
import { placedInCurrent } from "../../lib/claim-placement";
import { uiLanguage } from "../../lib/i18n";

/** Draw `claims` in `viewer`, the claim `activeId` as the active one. */
export function highlightClaims(viewer: ArticleViewer | undefined, claims: readonly ArticleClaim[], activeId: number | null) {
  // Changed and orphaned claims still hold offsets into their old revision: they are listed, never drawn.
  viewer?.setClaims(
    claims
      .filter(placedInCurrent)
      .map((c) => ({ id: c.id, start: c.start, end: c.end, tone: verdictTone(c.ratingKey), state: c.state, label: claimLabel(c.ratingKey, c.state, uiLanguage()), active: c.id === activeId })),
  );
}
