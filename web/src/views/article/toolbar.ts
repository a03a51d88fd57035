/** The article's tool row: "New claim" with its keyboard hint, the tool toggles, and the new claim's error slot. */
import { h } from "../../lib/dom";
import { t } from "../../lib/i18n";

const shortcut = navigator.platform.toLowerCase().includes("mac") ? "⌘⌥C" : "Ctrl+Alt+C";

/** The toolbar's parts; new-claim.ts gives the button and the error slot their behaviour. */
export interface Toolbar {
  element: HTMLElement;
  newButton: HTMLButtonElement;
  newError: HTMLElement;
}

/** Build the tool row, with `toggles` (the tool panels' buttons) at its end, and the live desk's bar and warning (web/src/live/). */
export function articleToolbar(toggles: HTMLElement[], live: { bar: HTMLElement; warning: HTMLElement }): Toolbar {
  const newButton = h("button", { type: "button", class: "btn btn-primary", "aria-keyshortcuts": "N Control+Alt+C", "aria-describedby": "new-claim-hint" }, "+ ", t("newClaim"));
  const newError = h("p", { class: "field-error", role: "alert", hidden: true });
  const element = h(
    "div",
    { class: "article-tools" },
    newButton,
    h("p", { id: "new-claim-hint", class: "hint" }, t("newClaimHint", { shortcut })),
    live.bar,
    h("span", { class: "tools-end" }, toggles),
    newError,
    live.warning,
  );
  return { element, newButton, newError };
}
