/** How a claim's place in the current text is named on screen: its anchor status in words, with its confidence. */
import { confidencePercent } from "../lib/claim-placement";
import { h } from "../lib/dom";
import { t, type MessageKey } from "../lib/i18n";

/** The label of an anchor status ("Changed"), in words. */
export const anchorLabel = (status: string) => t(`anchor_${status}` as MessageKey);

/** A status and confidence badge: the words carry the meaning, the colour only repeats it. */
export function anchorBadge(status: string, confidence: number | null | undefined) {
  const pct = confidencePercent(confidence);
  return h("span", { class: `badge anchor-${status}`, "data-anchor-status": status }, anchorLabel(status), pct !== null && (status === "changed" || status === "moved") ? ` · ${t("confidence", { n: pct })}` : null);
}
