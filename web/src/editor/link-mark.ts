/**
 * Links in explanations: a small Mark of our own instead of @tiptap/extension-link, which brings
 * linkifyjs along (about 10 KB gzipped) for autolinking we do not need. The stored JSON is the same
 * `{ type: "link", attrs: { href } }`, and only http(s) and mailto addresses are ever accepted:
 * on parse, on paste, and on command.
 */
import { Mark, markPasteRule, mergeAttributes } from "@tiptap/core";

export interface LinkOptions {
  /** Attributes every rendered link carries. */
  HTMLAttributes: Record<string, string>;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    linkMark: {
      /** Link the selection to `href`; refused (false) unless it is an http(s) or mailto address. */
      setLink: (attributes: { href: string }) => ReturnType;
      /** Remove the link around the selection or cursor. */
      unsetLink: () => ReturnType;
    };
  }
}

/** Is `href` an address a link may point to: absolute http(s), or mailto, with no white space? */
export function isAllowedHref(href: unknown): href is string {
  return typeof href === "string" && /^(?:https?:\/\/[^\s/?#]+[^\s]*|mailto:[^\s@]+@[^\s]+)$/i.test(href.trim());
}

/** Bare http(s) addresses in pasted text, up to white space or a closing bracket or quote. */
const pastedUrl = /https?:\/\/[^\s<>"'()[\]]+[^\s<>"'()[\].,;:!?]/gi;

export const Link = Mark.create<LinkOptions>({
  name: "link",
  priority: 1000,
  // Typing at the end of a link does not extend it: the next word is the person's, not the link's.
  inclusive: false,
  keepOnSplit: false,
  exitable: true,

  addOptions() {
    return { HTMLAttributes: { rel: "nofollow noopener" } };
  },

  addAttributes() {
    return {
      href: {
        default: null,
        parseHTML: (element) => element.getAttribute("href"),
      },
    };
  },

  parseHTML() {
    return [{ tag: "a[href]", getAttrs: (element) => (isAllowedHref((element as HTMLElement).getAttribute("href")) ? null : false) }];
  },

  renderHTML({ HTMLAttributes }) {
    // A stored link whose address is not allowed (old or hand-made JSON) renders without it.
    const href = isAllowedHref(HTMLAttributes.href) ? HTMLAttributes.href.trim() : null;
    return ["a", mergeAttributes(this.options.HTMLAttributes, { ...HTMLAttributes, href }), 0];
  },

  addCommands() {
    return {
      setLink:
        ({ href }) =>
        ({ commands }) =>
          isAllowedHref(href) ? commands.setMark(this.name, { href: href.trim() }) : false,
      unsetLink:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name, { extendEmptyMarkRange: true }),
    };
  },

  addPasteRules() {
    return [markPasteRule({ find: pastedUrl, type: this.type, getAttributes: (match) => ({ href: match[0] }) })];
  },
});
