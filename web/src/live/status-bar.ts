/** The live state in the article toolbar: who else is here (initials), and "live updates paused" with a manual refresh. */
import type { PresenceEntry } from "../../../schema/live";
import { h, replace } from "../lib/dom";
import { t } from "../lib/i18n";
import type { LiveState } from "./socket";

export interface LiveStatusBar {
  element: HTMLElement;
  setState(state: LiveState): void;
  /** Everyone on the desk; `me` is this page's connection, left out. */
  setPresence(people: PresenceEntry[], me: string | null, myUserId: number): void;
}

/** Others on the desk, one entry a person however many tabs they have open. */
export function othersHere(people: PresenceEntry[], me: string | null, myUserId: number): PresenceEntry[] {
  const byUser = new Map<number, PresenceEntry>();
  for (const p of people) {
    if (p.connection === me || p.userId === myUserId) continue;
    const seen = byUser.get(p.userId);
    // A person with a claim open in one tab shows that one.
    if (!seen || (seen.openClaim === null && p.openClaim !== null)) byUser.set(p.userId, p);
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Build the bar; `onRefresh` re-reads the article from the API and tries the socket again. */
export function liveStatusBar(onRefresh: () => void): LiveStatusBar {
  const list = h("ul", { class: "presence", "aria-label": t("liveHere") });
  const refresh = h("button", { type: "button", class: "btn btn-small", "data-live": "refresh" }, t("liveRefresh"));
  refresh.addEventListener("click", onRefresh);
  const why = h("span", {}, t("livePaused"));
  const paused = h("p", { class: "live-paused", role: "status", hidden: true }, why, " ", refresh);
  const element = h("div", { class: "live-bar", "data-live-state": "connecting" }, list, paused);
  return {
    element,
    setState(state) {
      element.dataset.liveState = state;
      paused.hidden = state === "live" || state === "connecting";
      why.textContent = t(state === "signed-out" ? "liveSignedOut" : "livePaused");
    },
    setPresence(people, me, myUserId) {
      replace(
        list,
        othersHere(people, me, myUserId).map((p) => {
          const doing = p.openClaim ? t("liveHasClaimOpen", { name: p.name, id: p.openClaim }) : p.name;
          return h("li", { class: "presence-chip", title: doing, "data-user": String(p.userId) }, h("span", { "aria-hidden": "true" }, p.initials), h("span", { class: "visually-hidden" }, doing));
        }),
      );
    },
  };
}
