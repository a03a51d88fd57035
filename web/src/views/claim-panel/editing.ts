/** The claim's content as a form that saves itself (PATCH at the version last seen); a stale version opens the conflict dialog. */
import { api, ApiError, errorMessage, unwrap } from "../../lib/api";
import { createAutosave, type SaveOutcome, type SaveState } from "../../lib/autosave";
import type { ClaimDraft } from "../../lib/claim-merge";
import { draftFromClaim, payloadFromDraft } from "../../lib/claim-payload";
import { h } from "../../lib/dom";
import { t, type MessageKey } from "../../lib/i18n";
import { createClaimForm } from "./claim-form";
import { showClaimant } from "./claimant-description";
import { showConflict } from "./conflict";
import { refreshHeadBadge } from "./header";
import type { PanelState } from "./panel-state";

const statusText: Record<SaveState, MessageKey> = { saved: "saved", unsaved: "unsaved", saving: "saving", error: "saveError", conflict: "conflictState" };

function setStatus(status: HTMLElement, s: SaveState, message?: string) {
  status.dataset.state = s;
  status.textContent = t(statusText[s], { message: message ?? "" });
}

/** Save the form now: problems stay in the form; a stale version opens the conflict dialog. */
async function save(state: PanelState): Promise<SaveOutcome> {
  const draft = state.form!.collect();
  const { payload, problems } = payloadFromDraft(draft);
  state.form!.showProblems(problems);
  if (problems.length) return { ok: false as const, conflict: false, message: t("urlInvalid") };
  try {
    const { claim } = await unwrap(api.claims[":id"].$patch({ param: { id: String(state.claimId) }, json: { version: state.version, ...payload } }));
    state.version = claim.version;
    const claimantBefore = state.base?.claimant?.id ?? null;
    state.base = draftFromClaim(claim);
    if ((claim.claimant?.id ?? null) !== claimantBefore) showClaimant(state, claim.claimant?.id ?? null);
    state.form!.learnClaimant(claim.claimant);
    refreshHeadBadge(state, claim);
    state.events.onChanged();
    return { ok: true as const };
  } catch (err) {
    if (err instanceof ApiError && err.code === "stale_version") {
      await showConflict(state);
      return { ok: false as const, conflict: true, message: errorMessage(err) };
    }
    return { ok: false as const, conflict: false, message: errorMessage(err) };
  }
}

/** The editing body for `base`: the save status, the conflict host and the form, with its autosave. */
export function editingBody(state: PanelState, base: ClaimDraft): HTMLElement {
  const form = createClaimForm(base, () => state.autosave?.changed());
  state.form = form;
  state.autosave = createAutosave({ delayMs: 800, save: () => save(state), onState: (s, message) => setStatus(state.status, s, message) });
  setStatus(state.status, "saved");
  return h("div", {}, state.status, state.conflictBox, form.element);
}
