/**
 * The WAI-ARIA toolbar pattern: a toolbar is one tab stop, and Left/Right, Home and End move between
 * its buttons (a roving tabindex: the button last used keeps tabindex 0, the others -1).
 */

/** The index that `key` moves to from `index` among `count` buttons, wrapping at the ends; null for any other key. */
export function rovingIndex(key: string, index: number, count: number): number | null {
  if (count <= 0 || index < 0 || index >= count) return null;
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/** Make `toolbar` (role="toolbar") one tab stop over `buttons`, moved through with the arrow keys, Home and End. */
export function rovingToolbar(toolbar: HTMLElement, buttons: HTMLElement[]) {
  const select = (index: number) => buttons.forEach((b, i) => (b.tabIndex = i === index ? 0 : -1));
  select(0);
  toolbar.addEventListener("keydown", (event) => {
    const next = rovingIndex(event.key, buttons.indexOf(event.target as HTMLElement), buttons.length);
    if (next === null || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    select(next);
    buttons[next].focus();
  });
  // Tab back into the toolbar lands on the button last used, also when it was reached with the mouse.
  toolbar.addEventListener("focusin", (event) => {
    const index = buttons.indexOf(event.target as HTMLElement);
    if (index >= 0) select(index);
  });
}
