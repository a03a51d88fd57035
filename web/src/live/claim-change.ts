/**
 * What the open claim panel does when the desk says its claim changed. The panel never replaces what
 * someone is typing: with unsaved text it only says who changed the claim, and the save that follows
 * meets the usual conflict rules (theirs next to yours, web/src/lib/claim-merge.ts).
 */
import type { LiveEvent } from "../../../schema/live";
import { h } from "../lib/dom";
import { t } from "../lib/i18n";

/** ignore: the panel already has it (its own save); reload: nothing typed, show the new version; notice: say so, keep the typing. */
export type PanelReaction = "ignore" | "reload" | "notice";

/** How the panel with claim version `version`, and typing that is not saved when `typing`, takes `event`. */
export function panelReaction(event: Pick<LiveEvent, "type" | "version">, panel: { version: number; typing: boolean }): PanelReaction {
  const newer = event.type === "comment.created" || event.type === "claim.deleted" || (event.version ?? 0) > panel.version;
  if (!newer) return "ignore";
  return panel.typing ? "notice" : "reload";
}

/**
 * Is anything typed in `root` that a reload would lose: an unsent comment or decision note (text areas
 * start empty), or the focus in a field or editor? The claim's own fields are the autosave's business.
 */
export function hasTyping(root: HTMLElement): boolean {
  if ([...root.querySelectorAll("textarea")].some((f) => f.value.trim() !== "")) return true;
  const active = document.activeElement;
  return !!active && root.contains(active) && (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement || (active as HTMLElement).isContentEditable);
}

/** The line the panel shows: "Changed by X: version N", and with typing kept, how the next save treats it. */
export function changeNotice(event: LiveEvent, kept: boolean): HTMLElement {
  const name = event.actor?.name ?? t("liveSomeone");
  const text =
    event.type === "claim.deleted"
      ? t("liveDeletedBy", { name })
      : event.type === "comment.created"
        ? t("liveCommentBy", { name })
        : t(kept ? "liveChangedKept" : "liveChangedBy", { name, version: event.version ?? "" });
  return h("p", { class: "notice notice-warn live-change", role: "status", "data-live-version": String(event.version ?? "") }, text);
}
