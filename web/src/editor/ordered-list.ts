/**
 * A numbered list for explanations: the node of Tiptap's OrderedList (same name, attributes, HTML and
 * commands, so stored explanations and the server's renderer are unchanged), without the markdown
 * tokenizer and plain-text paste parser that make up most of the package's size and that we never use.
 */
import { mergeAttributes, Node, wrappingInputRule } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    orderedList: {
      /** Turn the selection into a numbered list, or back. */
      toggleOrderedList: () => ReturnType;
    };
  }
}

/** "1. " at the start of a paragraph starts a list (numbered from that number). */
const inputRegex = /^(\d+)\.\s$/;

export const OrderedList = Node.create({
  name: "orderedList",
  group: "block list",
  content: "listItem+",

  addAttributes() {
    return {
      start: { default: 1, parseHTML: (element) => (element.hasAttribute("start") ? parseInt(element.getAttribute("start") || "", 10) : 1) },
      type: { default: null, parseHTML: (element) => element.getAttribute("type") },
    };
  },

  parseHTML() {
    return [{ tag: "ol" }];
  },

  renderHTML({ HTMLAttributes }) {
    const { start, type, ...rest } = HTMLAttributes;
    const attrs = mergeAttributes(rest);
    if (start !== 1) attrs.start = start;
    if (type && type !== "1") attrs.type = type;
    return ["ol", attrs, 0];
  },

  addCommands() {
    return { toggleOrderedList: () => ({ commands }) => commands.toggleList(this.name, "listItem", false) };
  },

  addKeyboardShortcuts() {
    return { "Mod-Shift-7": () => this.editor.commands.toggleOrderedList() };
  },

  addInputRules() {
    return [
      wrappingInputRule({
        find: inputRegex,
        type: this.type,
        getAttributes: (match) => ({ start: +match[1]! }),
        joinPredicate: (match, node) => (!node.attrs.type || node.attrs.type === "1") && node.childCount + node.attrs.start === +match[1]!,
      }),
    ];
  },
});
