/**
 * The side panel of one claim: its head (quote, place, history), its content (edited with autosave and
 * conflict resolution, or read), workflow decisions with four-eyes reasons, assignment, deleting a draft,
 * the claimant's description and the discussion. This module loads the claim and wires the sections,
 * each a module of its own in this folder; they share the panel's state (panel-state.ts).
 */
import type { LiveEvent } from "../../../../schema/live";
import { api, errorMessage, unwrap } from "../../lib/api";
import { followClaimChange, type LivePanel } from "../../live/claim-change";
import { currentUser, staff } from "../../session";
import { draftFromClaim } from "../../lib/claim-payload";
import { h, replace } from "../../lib/dom";
import { t } from "../../lib/i18n";
import { keepFocus } from "../../lib/keep-focus";
import { assignSection } from "./assign";
import { renderDiscussion } from "./claim-discussion";
import { showClaimant } from "./claimant-description";
import { decisionSection } from "./decisions";
import { deleteSection } from "./delete-draft";
import { editingBody } from "./editing";
import { changesBanner } from "./changes-banner";
import { claimHeader } from "./header";
import { publicClaimLink } from "./publish-preview";
import { createPanelState, teardown, type PanelEvents } from "./panel-state";
import { readingBody } from "./read-only";

export type { PanelEvents } from "./panel-state";

/** The open panel; close() saves what is unsaved first. */
export interface ClaimPanel {
  close(): Promise<void>;
  /** The live desk says this claim changed (web/src/live/claim-change.ts decides what the panel does). */
  live(event: LiveEvent): void;
  /** Missed changes: `version` is the claim's version now, null when it is gone. */
  resync(version: number | null): void;
  /** The version every write of this panel sends; null until the claim is loaded. */
  version(): number | null;
  /** This user changed the claim outside the panel's fields (a same-claim link): its writes go on from `version`. */
  adopt(version: number): void;
}

/** Open claim `claimId` in `host`. */
export function openClaimPanel(host: HTMLElement, claimId: number, events: PanelEvents): ClaimPanel {
  const state = createPanelState(claimId, events, load);
  // tabindex -1: where the focus goes when a redraw took away the control that had it and its section.
  const panel = h("section", { class: "panel claim-panel", "aria-labelledby": `claim-${claimId}-title`, tabindex: "-1" }, h("p", { class: "muted" }, t("loading")));
  const liveNotice = h("div", { class: "live-notice" });
  replace(host, panel);

  async function load() {
    const [d, people] = await Promise.all([unwrap(api.claims[":id"].$get({ param: { id: String(claimId) } })), staff()]);
    if (state.closed) return;
    // After a decision or a change someone else made, the focus stays on the control the person used.
    const restoreFocus = keepFocus(panel);
    teardown(state);
    const { claim, actions, editable, deletable } = d;
    state.version = claim.version;
    state.base = draftFromClaim(claim);
    const nameOf = (id: number | null) => people.find((u) => u.id === id)?.name ?? (id ? `#${id}` : t("unassigned"));
    // An editor who may decide on a claim in review reads it first, and edits only on request.
    const reviewing = actions.some((a) => a.action === "approve" && a.allowed) && !state.editToggle;
    const editing = editable.ok && !reviewing;
    showClaimant(state, claim.claimant?.id ?? null);
    const body = editing ? editingBody(state, state.base) : readingBody(state, claim, editable, reviewing);
    const [head, ...rest] = claimHeader(state, claim, nameOf);
    replace(
      panel,
      head,
      liveNotice,
      // A claim sent back says so first: who asked for what, and when.
      changesBanner(claim, nameOf),
      ["published", "corrected", "retracted"].includes(claim.state) ? publicClaimLink(claim.id) : null,
      rest,
      body,
      decisionSection(state, actions, claim.exact),
      assignSection(state, claim, people),
      deleteSection(state, deletable),
      state.claimantHost,
      renderDiscussion(claimId, people),
    );
    if (events.onShown) {
      events.onShown();
      events.onShown = undefined;
    }
    restoreFocus();
    if (events.focusForm && state.form) {
      events.focusForm = false;
      state.form.focus();
    }
  }

  load().catch((err) => replace(panel, h("p", { class: "error", role: "alert" }, errorMessage(err))));

  const livePanel: LivePanel = {
    root: panel,
    noticeSlot: liveNotice,
    version: () => state.version,
    unsaved: () => !!state.autosave && state.autosave.state !== "saved",
    reload: load,
    reloadDiscussion: () => panel.querySelector(".discussion")?.dispatchEvent(new Event("live-reload")),
  };
  const follow = (event: LiveEvent) => void followClaimChange(livePanel, event, currentUser().id).catch((err) => console.warn("live panel:", err));

  return {
    live: follow,
    version: () => (state.version > 0 ? state.version : null),
    adopt(version) {
      if (version > state.version) state.version = version;
    },
    resync(now) {
      livePanel.reloadDiscussion();
      if (now !== state.version) follow({ type: now === null ? "claim.deleted" : "claim.updated", articleId: 0, claimId, version: now ?? state.version, seq: 0, actor: null });
    },
    async close() {
      if (state.autosave && state.autosave.state !== "conflict") await state.autosave.flush();
      state.closed = true;
      teardown(state);
    },
  };
}
