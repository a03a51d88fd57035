/**
 * The article is evidence: it can be selected with mouse or keyboard, never changed.
 * The editor stays contenteditable (so a keyboard user has a caret and Shift+arrows select),
 * and every change is refused here instead.
 */
import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";

const refuse = () => true;

export const ReadOnlyText = Extension.create({
  name: "readOnlyText",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        filterTransaction: (tr) => !tr.docChanged,
        props: {
          handleTextInput: refuse,
          handlePaste: refuse,
          handleDrop: refuse,
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              event.preventDefault();
              return true;
            },
            cut: (_view, event) => {
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});
