/**
 * The article view's live desk: presence in the toolbar, highlights re-read when claims change, a
 * soft warning when your selection meets someone else's, and the open claim told of its changes.
 * The view hands in what to re-read; this module only decides when.
 */
import type { LiveEvent, PresenceEntry } from "../../../schema/live";
import { h } from "../lib/dom";
import { t } from "../lib/i18n";
import { currentUser } from "../session";
import { connectDesk, type LiveState } from "./socket";
import { liveStatusBar } from "./status-bar";

/** What the article view lets the live desk do. */
export interface ArticleLiveHooks {
  articleId: number;
  /** Re-read the article's claims and redraw the highlights in place. */
  refreshClaims(): Promise<void>;
  /** Re-read everything: a new revision, or missed changes. */
  refreshAll(): Promise<void>;
  /** Has the view loaded its data? A first connection after that re-reads once, closing the gap between the load and the socket. */
  isLoaded(): boolean;
  /** The current selection in the article text (code points), or null. */
  selection(): { start: number; end: number } | null;
  /** The claims as loaded, for the warning about a selection over a claim just made. */
  claims(): readonly { id: number; start: number; end: number }[];
  /** A change to one claim, for the open panel (web/src/live/claim-change.ts decides what it does). */
  onClaimEvent?(event: LiveEvent): void;
}

export interface ArticleLive {
  /** Presence and the paused state, for the toolbar. */
  bar: HTMLElement;
  /** The soft warning about a shared selection, for beside the "New claim" button. */
  warning: HTMLElement;
  /** Tell the others which claim this page has open. */
  openClaim(claimId: number | null): void;
  state(): LiveState;
  destroy(): void;
}

/** A claim by someone else counts as "just made" this long. */
const justClaimedMs = 2 * 60_000;
/** How long a page waits before re-reading after a revision of its own user (see onEvent). */
const ownRevisionDelayMs = 2000;
/** Bursts of changes (a revision re-anchors many claims) are re-read once. */
const coalesceMs = 150;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Start the desk of `hooks.articleId`. */
export function startArticleLive(hooks: ArticleLiveHooks): ArticleLive {
  const me = currentUser();
  let state: LiveState = "connecting";
  let people: PresenceEntry[] = [];
  let openId: number | null = null;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let wantAll = false;
  const recentByOthers = new Map<number, { name: string; at: number }>();
  const bar = liveStatusBar(() => {
    desk.reconnect();
    // A refused read (the session ended) has already sent the page to the login.
    void hooks.refreshAll().catch((err) => console.warn("live refresh failed", err));
  });
  const warning = h("p", { class: "notice notice-warn live-warning", role: "status", hidden: true });

  function refreshSoon(all: boolean) {
    wantAll ||= all;
    clearTimeout(pending);
    pending = setTimeout(() => {
      const all = wantAll;
      wantAll = false;
      void (all ? hooks.refreshAll() : hooks.refreshClaims()).catch((err) => console.warn("live refresh failed", err));
    }, coalesceMs);
  }

  const desk = connectDesk(`/articles/${hooks.articleId}/live`, {
    onState(s) {
      state = s;
      bar.setState(s);
    },
    onWelcome(first) {
      if (first ? hooks.isLoaded() : false) refreshSoon(false);
      if (openId !== null) desk.send({ type: "open-claim", claimId: openId });
    },
    onResync: () => refreshSoon(true),
    onPresence(list) {
      people = list;
      bar.setPresence(list, desk.connection(), me.id);
      checkSelection();
    },
    onEvent(event) {
      if (event.type === "claim.created" && event.claimId && event.actor && event.actor.id !== me.id) recentByOthers.set(event.claimId, { name: event.actor.name, at: Date.now() });
      // A revision of mine: this page redraws itself after saving it (and shows the outcome), so the re-read waits
      // until that is done; another tab of mine then still gets the new text.
      if (event.type === "article.revised" && event.actor?.id === me.id) setTimeout(() => refreshSoon(true), ownRevisionDelayMs);
      else refreshSoon(event.type === "article.revised");
      if (event.claimId !== undefined) hooks.onClaimEvent?.(event);
    },
  });

  /** Who else is on this text: selecting it now, or having just made a claim on it. */
  function checkSelection() {
    const range = hooks.selection();
    if (!range) {
      warning.hidden = true;
      return;
    }
    const selecting = people.filter((p) => p.userId !== me.id && p.selection && overlaps(range, { start: p.selection.from, end: p.selection.to })).map((p) => p.name);
    const now = Date.now();
    const claimed = hooks
      .claims()
      .filter((c) => overlaps(range, c) && (recentByOthers.get(c.id)?.at ?? 0) > now - justClaimedMs)
      .map((c) => recentByOthers.get(c.id)!.name);
    const text = [
      selecting.length ? t("liveSelecting", { names: [...new Set(selecting)].join(", ") }) : null,
      claimed.length ? t("liveJustClaimed", { names: [...new Set(claimed)].join(", ") }) : null,
    ].filter(Boolean);
    warning.textContent = text.join(" ");
    warning.hidden = text.length === 0;
  }

  let lastSent = "";
  let throttle: ReturnType<typeof setTimeout> | undefined;
  /** Share the selection (at most every 250 ms), and check it against the others'. */
  function onSelectionChange() {
    checkSelection();
    clearTimeout(throttle);
    throttle = setTimeout(() => {
      const range = hooks.selection();
      const key = range ? `${range.start}-${range.end}` : "";
      if (key === lastSent) return;
      lastSent = key;
      desk.send(range ? { type: "selecting", from: range.start, to: range.end } : { type: "selecting", from: null, to: null });
    }, 250);
  }
  document.addEventListener("selectionchange", onSelectionChange);

  return {
    bar: bar.element,
    warning,
    openClaim(claimId) {
      openId = claimId;
      desk.send({ type: "open-claim", claimId });
    },
    state: () => state,
    destroy() {
      clearTimeout(pending);
      clearTimeout(throttle);
      document.removeEventListener("selectionchange", onSelectionChange);
      desk.close();
    },
  };
}
