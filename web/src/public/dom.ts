/** A tiny element builder for the public scripts: attributes and text only, never HTML strings. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | null | undefined> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value != null) node.setAttribute(name, value);
  for (const child of children) if (child != null) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  return node;
}

/** Does this browser have the Popover API? Without it the scripts leave the page as the server sent it. */
export const hasPopover = (): boolean => typeof HTMLElement === "function" && Object.prototype.hasOwnProperty.call(HTMLElement.prototype, "popover");
