/** A layer of ProseMirror decorations that its owner replaces wholesale (claims, suggestions). */
import { Extension } from "@tiptap/core";
import { Plugin, type PluginKey } from "@tiptap/pm/state";
import { DecorationSet } from "@tiptap/pm/view";

/** An extension named `name` whose plugin state is a DecorationSet, replaced through a `key` meta and mapped through edits otherwise. */
export function decorationLayer(name: string, key: PluginKey<DecorationSet>) {
  return Extension.create({
    name,
    addProseMirrorPlugins() {
      return [
        new Plugin<DecorationSet>({
          key,
          state: {
            init: () => DecorationSet.empty,
            apply: (tr, set) => (tr.getMeta(key) as DecorationSet | undefined) ?? set.map(tr.mapping, tr.doc),
          },
          props: { decorations: (state) => key.getState(state) },
        }),
      ];
    },
  });
}
