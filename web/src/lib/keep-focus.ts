/**
 * Focus across a redraw: when a view draws part of itself again, the control that had the focus is
 * replaced by a new one and the browser drops the focus on <body>. keepFocus() remembers the control
 * by a stable name and puts the focus on its new copy, or, when it is gone (a decision taken), on the
 * nearest named place around it, or on the redrawn element itself.
 */

/** Attributes that name an element the same way each time it is drawn, most telling first. */
const keyAttributes = ["data-focus-key", "data-action", "name", "id"] as const;

/** Anything with attributes, so the choice of selectors is testable without a DOM. */
interface Named {
  getAttribute(name: string): string | null;
}

/** A selector for one attribute's value (a CSS string, quotes and backslashes escaped). */
const attributeSelector = (name: string, value: string) => `[${name}="${value.replace(/["\\]/g, "\\$&")}"]`;

/**
 * Selectors that find an element again in a fresh drawing, given the element and its ancestors up to (not
 * including) the redrawn root: the element's own name first, then each named ancestor's, innermost first.
 */
export function focusSelectors(chain: Named[]): string[] {
  const selectors: string[] = [];
  for (const el of chain) {
    const name = keyAttributes.find((a) => el.getAttribute(a));
    if (name) selectors.push(attributeSelector(name, el.getAttribute(name)!));
  }
  return selectors;
}

/**
 * Remember where the focus is inside `root`; the function returned puts it back once `root` was drawn again
 * (or a button that had it was disabled while it worked, which drops the focus too).
 */
export function keepFocus(root: HTMLElement): () => void {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === root || !root.contains(active)) return () => undefined;
  const chain: Element[] = [];
  for (let el: Element | null = active; el && el !== root; el = el.parentElement) chain.push(el);
  const selectors = focusSelectors(chain);
  return () => {
    // Someone has the focus (the control kept it, or it was moved on purpose since): leave it.
    if (document.activeElement && document.activeElement !== document.body) return;
    const candidates = [active.isConnected ? active : null, ...selectors.map((s) => root.querySelector<HTMLElement>(s))];
    for (const target of candidates) {
      target?.focus();
      if (target && document.activeElement === target) return;
    }
    root.focus();
  };
}
