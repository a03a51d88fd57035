/** The explanation editor: paragraphs, bold, italic, http(s) links and lists, with a labelled toolbar. */
import { Editor, type JSONContent } from "@tiptap/core";
import { Placeholder } from "@tiptap/extensions/placeholder";
import { UndoRedo } from "@tiptap/extensions/undo-redo";
import { h } from "../lib/dom";
import { t } from "../lib/i18n";
import { rovingToolbar } from "../lib/roving-toolbar";
import { explanationExtensions } from "./explanation-schema";

export interface RichTextOptions {
  content: JSONContent | null;
  labelledBy: string;
  describedBy?: string;
  editable: boolean;
  onChange: (doc: JSONContent) => void;
}

/** The editor and its toolbar; whoever builds it calls destroy(). */
export interface RichText {
  element: HTMLElement;
  editor: Editor;
  setContent(doc: JSONContent | null): void;
  getJSON(): JSONContent;
  destroy(): void;
}

const isHttp = (url: string) => /^https?:\/\/[^\s]+$/i.test(url.trim());

/** Build an explanation editor. */
export function createRichText(options: RichTextOptions): RichText {
  const mount = h("div", { class: "rich-text-body" });
  const editor = new Editor({
    element: mount,
    injectCSS: false,
    editable: options.editable,
    extensions: [
      ...explanationExtensions,
      UndoRedo,
      Placeholder.configure({ placeholder: t("explanationPlaceholder") }),
    ],
    content: options.content ?? undefined,
    editorProps: {
      attributes: {
        class: "rich-text-content",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": options.labelledBy,
        ...(options.describedBy ? { "aria-describedby": options.describedBy } : {}),
      },
    },
    onUpdate: ({ editor: e }) => options.onChange(e.getJSON()),
  });

  const button = (label: string, text: string, cls: string, isActive: () => boolean, run: () => void) => {
    // The symbol is hidden from assistive technology, so the spoken name is the word alone.
    const b = h("button", { type: "button", class: `tool ${cls}`, title: label, "aria-pressed": "false" }, h("span", { "aria-hidden": "true" }, text), h("span", { class: "visually-hidden" }, label));
    b.addEventListener("mousedown", (e) => e.preventDefault()); // keep the editor's selection
    b.addEventListener("click", () => {
      run();
      sync();
    });
    return { b, isActive };
  };
  const tools = [
    button(t("bold"), "B", "tool-bold", () => editor.isActive("bold"), () => editor.chain().focus().toggleBold().run()),
    button(t("italic"), "I", "tool-italic", () => editor.isActive("italic"), () => editor.chain().focus().toggleItalic().run()),
    button(t("link"), "↗", "tool-link", () => editor.isActive("link"), () => {
      const previous = (editor.getAttributes("link").href as string | undefined) ?? "https://";
      const url = window.prompt(t("linkPrompt"), previous);
      if (url === null) return;
      if (!url.trim()) editor.chain().focus().extendMarkRange("link").unsetLink().run();
      else if (isHttp(url)) editor.chain().focus().extendMarkRange("link").setLink({ href: url.trim() }).run();
      else window.alert(t("urlInvalid"));
    }),
    button(t("bulletList"), "•", "tool-ul", () => editor.isActive("bulletList"), () => editor.chain().focus().toggleBulletList().run()),
    button(t("orderedList"), "1.", "tool-ol", () => editor.isActive("orderedList"), () => editor.chain().focus().toggleOrderedList().run()),
  ];
  function sync() {
    for (const { b, isActive } of tools) b.setAttribute("aria-pressed", String(isActive()));
  }
  editor.on("selectionUpdate", sync);
  editor.on("transaction", sync);
  const toolbar = h("div", { class: "toolbar", role: "toolbar", "aria-label": t("explanation") }, tools.map((x) => x.b));
  toolbar.hidden = !options.editable;
  rovingToolbar(toolbar, tools.map((x) => x.b));
  const element = h("div", { class: "rich-text" }, toolbar, mount);

  return {
    element,
    editor,
    setContent: (doc) => editor.commands.setContent(doc ?? { type: "doc", content: [{ type: "paragraph" }] }, { emitUpdate: false }),
    getJSON: () => editor.getJSON(),
    destroy: () => editor.destroy(),
  };
}
