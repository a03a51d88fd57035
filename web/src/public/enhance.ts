/**
 * Progressive enhancement of the public article page. Without this script every highlight is a
 * link to its fact-check card further down; with it, the card opens in a popover beside the words,
 * and j/k (or n/p) and two buttons move from claim to claim. The popover shows a copy of the card
 * already in the page, so opening one costs no request.
 */
import { claimIdsOf, navigationStops, shortcutDirection, step } from "./claim-nav";
import { h } from "../lib/dom";
import { createPopover, hasPopover, type VerdictPopover } from "./popover";
import { uiLanguageOf } from "../../../schema/enums";
import { message } from "./strings";

const ui = uiLanguageOf(document.documentElement.lang) ?? "en";
const openerSelector = "a.hl, a.verdict-tag";

/** Copies of the claim cards for these ids, without ids (the originals keep theirs), the first heading labelling the popover. */
function cardCopies(ids: string[], labelId: string): HTMLElement[] {
  const cards = ids.map((id) => document.getElementById(`claim-${id}`)).filter((c): c is HTMLElement => c !== null);
  return cards.map((card, i) => {
    const copy = card.cloneNode(true) as HTMLElement;
    copy.removeAttribute("tabindex");
    for (const withId of [copy, ...copy.querySelectorAll("[id]")]) withId.removeAttribute("id");
    if (i === 0) copy.querySelector(".verdict")?.setAttribute("id", labelId);
    return copy;
  });
}

/** A previous/next button: an arrow, and the words, which the stylesheet may hide visually but never from its name. */
function navButton(className: string, direction: 1 | -1, words: string, keys: string): HTMLButtonElement {
  const arrow = h("span", { "aria-hidden": "true" }, direction === 1 ? "→" : "←");
  const text = h("span", { class: "nav-words" }, words);
  return h("button", { type: "button", class: className, "aria-keyshortcuts": keys }, ...(direction === 1 ? [text, arrow] : [arrow, text]));
}

function enhance(article: HTMLElement, highlights: HTMLAnchorElement[]) {
  const stops = navigationStops(highlights);
  const statuses: HTMLElement[] = [];
  const buttons = (prefix: string) => {
    const status = h("span", { class: `${prefix}-status` });
    statuses.push(status);
    const prev = navButton(`${prefix}-prev`, -1, message(ui, "previous"), "k p");
    const next = navButton(`${prefix}-next`, 1, message(ui, "next"), "j n");
    prev.addEventListener("click", () => go(-1));
    next.addEventListener("click", () => go(1));
    return [prev, status, next];
  };
  // The article carries its own language; the controls speak the reader's.
  const nav = h("nav", { class: "claim-nav", lang: ui, "aria-label": message(ui, "navigation") }, ...buttons("claim-nav"));
  article.appendChild(nav);
  const popover: VerdictPopover = createPopover({ className: "fl-popover", openClass: "is-open", closeLabel: message(ui, "close"), bar: buttons("fl-popover") });

  // The last stop the reader was at, so that the buttons (which take focus) continue from there.
  let last = -1;
  const showPosition = (index: number) => {
    last = index;
    // Before anything is opened there is no position to name: say how many there are instead.
    const text = index < 0 ? message(ui, "count", { total: stops.length }) : message(ui, "position", { n: index + 1, total: stops.length });
    for (const status of statuses) status.textContent = text;
  };

  /** A highlight's stop: itself if it is one, else the stop of the first claim it stands for (verdict tags, overlaps). */
  const stopOf = (link: Element): number => {
    const exact = stops.findIndex((s) => s.link === link);
    if (exact >= 0) return exact;
    const ids = claimIdsOf(link);
    return stops.findIndex((s) => ids.includes(s.id));
  };

  /** The stop the reader is at: the open popover's, the focused highlight's or card's, else the last one visited. */
  const currentStop = (): number => {
    const at = popover.opener() ?? document.activeElement;
    const link = at?.closest(openerSelector);
    const card = at?.closest(".claim-card")?.id.replace(/^claim-/, "");
    const found = link ? stopOf(link) : card ? stops.findIndex((s) => s.id === card) : -1;
    return found >= 0 ? found : last;
  };

  const open = (link: HTMLElement): boolean => {
    const copies = cardCopies(claimIdsOf(link), "fl-popover-title");
    if (copies.length === 0) return false;
    popover.open(link, copies, "fl-popover-title");
    const index = stopOf(link);
    if (index >= 0) showPosition(index);
    return true;
  };

  function go(direction: 1 | -1) {
    const index = step(currentStop(), direction, stops.length);
    const link = stops[index]?.link;
    if (!link) return;
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    link.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    // With the popover open, reading goes on in it; otherwise focus lands on the highlight.
    if (popover.opener()) open(link);
    else link.focus({ preventScroll: true });
    showPosition(index);
  }

  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest?.<HTMLElement>(openerSelector);
    // If a card is missing, the link still goes to wherever it points.
    if (link && article.contains(link) && open(link)) event.preventDefault();
  });

  // Single-key shortcuts act only while focus is in the article, its fact-checks or the popover
  // (WCAG 2.1.4), so they never fire while someone types or uses the rest of the page.
  const scope = "article.article, section.claims, .fl-popover";
  document.addEventListener("keydown", (event) => {
    const direction = shortcutDirection(event);
    if (direction === 0 || !(event.target as Element).closest?.(scope)) return;
    event.preventDefault();
    go(direction);
  });

  article.addEventListener("focusin", (event) => {
    const index = stops.findIndex((s) => s.link === event.target);
    if (index >= 0) showPosition(index);
  });
  showPosition(-1);
}

const article = document.querySelector<HTMLElement>("article.article");
const highlights = [...document.querySelectorAll<HTMLAnchorElement>("article.article a.hl[data-claims]")];
// Without the Popover API (or on pages without highlights) the links to the cards are the interface.
if (article && highlights.length > 0 && hasPopover()) enhance(article, highlights);
