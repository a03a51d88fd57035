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

/** What the open claim panel lets the live desk see and do. */
export interface LivePanel {
  /** The panel's element: what is typed in it is looked for here. */
  root: HTMLElement;
  /** Where the "changed by" line goes; it survives the panel's reloads. */
  noticeSlot: HTMLElement;
  /** The claim version the panel last loaded or saved. */
  version(): number;
  /** Does the autosave hold changes not yet saved? */
  unsaved(): boolean;
  /** Re-read and redraw the claim. */
  reload(): Promise<void>;
  /** Re-read the comments (and history) only, leaving the comment box alone. */
  reloadDiscussion(): void;
}

/**
 * Take a change to the panel's claim: reload what nothing typed depends on, and say who changed it.
 * Changes by `me` are the panel's own (its saves, decisions and comments redraw it already; the desk's
 * message may even arrive before the save's response), so they are left alone.
 */
export async function followClaimChange(panel: LivePanel, event: LiveEvent, me: number): Promise<void> {
  if (event.actor?.id === me) return;
  const typing = panel.unsaved() || hasTyping(panel.root);
  const reaction = panelReaction(event, { version: panel.version(), typing });
  if (reaction === "ignore") return;
  if (event.type === "comment.created") panel.reloadDiscussion();
  else if (reaction === "reload" && event.type !== "claim.deleted") await panel.reload();
  panel.noticeSlot.replaceChildren(changeNotice(event, reaction === "notice" && event.type !== "comment.created"));
}
