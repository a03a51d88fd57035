/**
 * The verdict popover shared by the public pages and the publisher widget: a non-modal dialog in the
 * top layer (the Popover API), anchored to the highlight that opened it by CSS anchor positioning,
 * so no style is ever set from script and a strict CSP (style-src without 'unsafe-inline') holds.
 * Escape and a click elsewhere close it (the browser's light dismiss); focus then goes back to the
 * highlight, so keyboard users continue where they were.
 */
import { h } from "../lib/dom";

/** Does this browser have the Popover API? Without it the scripts leave the page as the server sent it. */
export const hasPopover = (): boolean => typeof HTMLElement === "function" && Object.prototype.hasOwnProperty.call(HTMLElement.prototype, "popover");

export interface VerdictPopover {
  readonly element: HTMLElement;
  /** The highlight the popover is open for, if it is open. */
  opener(): HTMLElement | null;
  /** Show `content` for `opener`, replacing whatever was shown; focus moves into the popover. */
  open(opener: HTMLElement, content: Node[], labelledBy: string): void;
  close(): void;
}

export interface PopoverOptions {
  /** Class of the popover; its parts get `${className}-bar`, `-close`, `-body`. */
  className: string;
  /** Class put on the opener while open: the stylesheet gives it the anchor-name the popover is placed by. */
  openClass: string;
  closeLabel: string;
  /** Controls shown before the close button, e.g. previous/next. */
  bar?: Node[];
}

/** Create the (closed) popover and add it to the end of the body. */
export function createPopover(options: PopoverOptions): VerdictPopover {
  const { className, openClass } = options;
  const close = h("button", { type: "button", class: `${className}-close`, "aria-label": options.closeLabel }, "×");
  const body = h("div", { class: `${className}-body` });
  const element = h("div", { class: className, popover: "auto", role: "dialog", tabindex: "-1" }, h("div", { class: `${className}-bar` }, ...(options.bar ?? []), close), body);
  document.body.appendChild(element);
  let current: HTMLElement | null = null;

  const isOpen = () => element.matches(":popover-open");
  close.addEventListener("click", () => element.hidePopover());
  // 'toggle' is queued, and a click on another highlight closes and reopens within one gesture:
  // only a popover that is still closed when the event arrives hands focus back.
  element.addEventListener("toggle", () => {
    if (isOpen() || !current) return;
    const back = current;
    current.classList.remove(openClass);
    current = null;
    const active = document.activeElement;
    if (!active || active === document.body || element.contains(active)) back.focus({ preventScroll: true });
  });

  return {
    element,
    opener: () => (isOpen() ? current : null),
    open(opener, content, labelledBy) {
      current?.classList.remove(openClass);
      current = opener;
      opener.classList.add(openClass);
      body.replaceChildren(...content);
      element.setAttribute("aria-labelledby", labelledBy);
      // `source` makes the highlight the popover's invoker where supported: Tab from the popover's
      // end continues after the highlight, as if the popover sat right there in the text. A new
      // opener needs a fresh show for that.
      if (isOpen()) element.hidePopover();
      (element as unknown as { showPopover(options?: { source?: HTMLElement }): void }).showPopover({ source: opener });
      element.scrollTop = 0;
      element.focus({ preventScroll: true });
    },
    close: () => {
      if (isOpen()) element.hidePopover();
    },
  };
}
