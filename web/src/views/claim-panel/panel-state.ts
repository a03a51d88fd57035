/** What the parts of one open claim panel share: the version last seen, and the editing in progress. */
import type { RichText } from "../../editor/rich-text";
import type { Autosave } from "../../lib/autosave";
import type { ClaimDraft } from "../../lib/claim-merge";
import { h } from "../../lib/dom";
import { t } from "../../lib/i18n";
import type { ClaimForm } from "./claim-form";

/** What the panel tells whoever opened it. */
export interface PanelEvents {
  onChanged: () => void;
  onClose: () => void;
  /** Move focus into the form once it is shown (the claim was just created). */
  focusForm?: boolean;
  /** Called once, when the claim is first shown (the article view brings the panel into view on a phone). */
  onShown?: () => void;
}

/** The panel's state; each section reads it when it acts, so it always sees the latest version and form. */
export interface PanelState {
  readonly claimId: number;
  readonly events: PanelEvents;
  /** The version every write sends: the one this panel last saved or loaded (409 if someone saved since). */
  version: number;
  /** The content as the server last had it: the base of a three-way merge. */
  base?: ClaimDraft;
  form?: ClaimForm;
  autosave?: Autosave;
  /** The explanation, read only. */
  readView?: RichText;
  /** An editor reviewing the claim asked to edit it. */
  editToggle: boolean;
  /** The verdict · state badge in the header, replaced after each save. */
  headBadge?: HTMLElement;
  closed: boolean;
  /** The save status line and the conflict dialog's host, one each for the panel's life. */
  readonly status: HTMLElement;
  readonly conflictBox: HTMLElement;
  /** Load the claim again and rebuild the panel. */
  reload(): Promise<void>;
  /** The claimant section's host: drawn again when a save changes the claim's claimant. */
  readonly claimantHost: HTMLElement;
}

/** A fresh state for claim `claimId`; `reload` rebuilds the panel. */
export function createPanelState(claimId: number, events: PanelEvents, reload: () => Promise<void>): PanelState {
  return {
    claimId,
    events,
    version: 0,
    editToggle: false,
    closed: false,
    status: h("p", { class: "save-status", role: "status", "aria-live": "polite", "data-state": "saved" }),
    conflictBox: h("div", { class: "conflict-host" }),
    reload,
    claimantHost: h("div", { class: "claimant-host" }),
  };
}

/** Destroy the form, its autosave and the read-only explanation. */
export function teardown(state: PanelState) {
  state.autosave?.dispose();
  state.form?.destroy();
  state.readView?.destroy();
  state.autosave = undefined;
  state.form = undefined;
  state.readView = undefined;
}

/** Save what is unsaved before a decision or a deletion; throws with the save status when it cannot. */
export async function flushEdits(state: PanelState) {
  if (state.autosave && (await state.autosave.flush()) !== "saved") throw new Error(state.status.textContent ?? t("unsaved"));
}
