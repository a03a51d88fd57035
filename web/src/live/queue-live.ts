/**
 * The review queue's desk, one a signed-in session: it keeps the badge on the queue link counting,
 * and tells the queue and the dashboard (a `factline:queue-changed` event) to re-read their lists.
 * Editors count the claims waiting for review; everyone else the open claims assigned to them.
 */
import { may } from "../../../schema/workflow";
import { api, unwrap } from "../lib/api";
import { h } from "../lib/dom";
import { t } from "../lib/i18n";
import { currentUser } from "../session";
import { connectDesk, type DeskConnection, type LiveState } from "./socket";

/** Fired on window when the queue's claims changed (detail: the change, or null after a resync). */
export const queueChangedEvent = "factline:queue-changed";

let desk: DeskConnection | null = null;
let count: number | null = null;
let state: LiveState = "connecting";
let badges: HTMLElement[] = [];
let pending: ReturnType<typeof setTimeout> | undefined;
const listed = 100;

function paint() {
  badges = badges.filter((b) => b.isConnected);
  for (const b of badges) {
    b.hidden = count === null || count === 0;
    b.textContent = count === null ? "" : count >= listed ? `${listed - 1}+` : String(count);
    b.dataset.liveState = state;
    b.setAttribute("aria-label", t("queueBadge", { n: b.textContent }));
  }
  // The top bar may no longer fit on one line (main.ts folds it then).
  window.dispatchEvent(new Event("factline:topbar-changed"));
}

async function recount() {
  const reviewer = may(currentUser(), "review").ok;
  const query = reviewer ? { state: "in_review", limit: String(listed) } : { state: "draft,changes_requested,in_review", mine: "assigned" as const, limit: String(listed) };
  try {
    count = (await unwrap(api.claims.$get({ query }))).items.length;
    paint();
  } catch {
    // The badge keeps its last count; the next change tries again.
  }
}

function changed(detail: unknown) {
  clearTimeout(pending);
  pending = setTimeout(() => {
    void recount();
    window.dispatchEvent(new CustomEvent(queueChangedEvent, { detail }));
  }, 200);
}

/** Open the queue's desk for the signed-in user (once) and count. */
export function startQueueLive() {
  if (desk) return;
  void recount();
  desk = connectDesk("/queue/live", {
    onState(s) {
      state = s;
      paint();
    },
    onWelcome: (first) => !first && changed(null),
    onResync: () => changed(null),
    onEvent: (event) => changed(event),
  });
}

/** Close it (logging out). */
export function stopQueueLive() {
  desk?.close();
  desk = null;
  count = null;
  paint();
}

/** A badge that shows the live count; the header makes a new one each time it is drawn. */
export function queueBadge(): HTMLElement {
  const badge = h("span", { class: "nav-badge", hidden: true, "data-live": "queue-badge" });
  badges.push(badge);
  queueMicrotask(paint);
  return badge;
}

/** Re-run `reload` whenever the queue changes, until the returned function is called. */
export function onQueueChanged(reload: () => void): () => void {
  const listener = () => reload();
  window.addEventListener(queueChangedEvent, listener);
  return () => window.removeEventListener(queueChangedEvent, listener);
}
