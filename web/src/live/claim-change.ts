/**
 * What the open claim panel does when the desk says its claim changed. The panel never replaces what
 * someone is typing: with unsaved text it only says who changed the claim, and the save that follows
 * meets the usual conflict rules (theirs next to yours, web/src/lib/claim-merge.ts).
 */
import type { LiveEvent } from "../../../schema/live";
import { h } from "../lib/dom";
import { t } from "../lib/i18n";

/** ignore: the panel already has it (its own save); reload: show the new version; notice: someone is working in the claim's fields, so only say so. */
export type PanelReaction = "ignore" | "reload" | "notice";

/** How the panel with claim version `version` takes `event`; `typing`: someone is working in the claim's fields. */
export function panelReaction(event: Pick<LiveEvent, "type" | "version">, panel: { version: number; typing: boolean }): PanelReaction {
  const newer = event.type === "comment.created" || event.type === "claim.deleted" || (event.version ?? 0) > panel.version;
  if (!newer) return "ignore";
  return panel.typing ? "notice" : "reload";
}

/** The claim's own fields: what is typed there is the autosave's, and a save meets the conflict rules. */
const formSelector = ".claim-form";

/** Is someone working in the claim's fields: unsaved changes, or the focus in one of them? Then the panel is not redrawn. */
function formBusy(root: HTMLElement, unsaved: boolean): boolean {
  const active = document.activeElement;
  return unsaved || (!!active && root.contains(active) && !!active.closest(formSelector));
}

/** Notes being written outside the claim's fields (a comment, a reason for a decision): kept across a redraw, focus and caret too. */
function keepNotes(root: HTMLElement): () => void {
  const notes = [...root.querySelectorAll("textarea")]
    .filter((t) => !t.closest(formSelector) && t.name && t.value)
    .map((t) => ({ name: t.name, value: t.value, focused: document.activeElement === t, start: t.selectionStart, end: t.selectionEnd }));
  return () => {
    for (const note of notes) {
      const t = root.querySelector<HTMLTextAreaElement>(`textarea[name="${CSS.escape(note.name)}"]`);
      if (!t || t.closest(formSelector)) continue;
      t.value = note.value;
      if (note.focused) {
        t.focus();
        t.setSelectionRange(note.start, note.end);
      }
    }
  };
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
  /** Does the autosave hold changes not yet saved (or a conflict)? */
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
  const reaction = panelReaction(event, { version: panel.version(), typing: formBusy(panel.root, panel.unsaved()) });
  if (reaction === "ignore") return;
  if (event.type === "comment.created") panel.reloadDiscussion();
  else if (reaction === "reload" && event.type !== "claim.deleted") {
    const restore = keepNotes(panel.root);
    await panel.reload();
    restore();
  }
  panel.noticeSlot.replaceChildren(changeNotice(event, reaction === "notice" && event.type !== "comment.created"));
}
