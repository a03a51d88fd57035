import { Editor, getSchema } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import type { Mark as PmMark } from "@tiptap/pm/model";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isAllowedHref, Link } from "../../../web/src/editor/link-mark";

const extensions = [Document, Paragraph, Text, Link];
const linked = (attrs: Record<string, unknown>) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "the report", marks: [{ type: "link", attrs }] }] }] });
const plain = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "the report" }] }] };
/** An element as far as parse rules look at it. */
const anchor = (href: string | null) => ({ getAttribute: (name: string) => (name === "href" ? href : null) }) as unknown as HTMLElement;

describe("link-mark", () => {
  describe("isAllowedHref", () => {
    it("accepts absolute http(s) and mailto addresses", () => {
      for (const href of ["https://stat.gov.kz/ru/", "http://example.org/a?b=1#c", "HTTPS://EXAMPLE.ORG", "mailto:desk@factline.example"]) expect(isAllowedHref(href)).toBe(true);
    });

    it("refuses other schemes, relative and protocol-relative addresses, white space and non-strings", () => {
      for (const href of ["javascript:alert(1)", "data:text/html,x", "ftp://example.org", "/relative", "//example.org", "https://", "https://exa mple.org", "mailto:nobody", "", null, 42]) {
        expect(isAllowedHref(href)).toBe(false);
      }
    });
  });

  describe("schema", () => {
    const schema = getSchema(extensions);
    const spec = schema.marks.link.spec;

    it("reads stored explanation JSON, including links saved by @tiptap/extension-link with its extra attributes", () => {
      const node = schema.nodeFromJSON(linked({ href: "https://a.example", target: "_blank", rel: "noopener noreferrer nofollow", class: null }));
      expect(node.toJSON()).toEqual(linked({ href: "https://a.example" }));
    });

    it("renders an <a> with rel=\"nofollow noopener\" and no target", () => {
      const mark = schema.marks.link.create({ href: "https://a.example" });
      expect(spec.toDOM!(mark as PmMark, true)).toEqual(["a", { rel: "nofollow noopener", href: "https://a.example" }, 0]);
    });

    it("renders a stored link with a forbidden address without the address", () => {
      const mark = schema.marks.link.create({ href: "javascript:alert(1)" });
      const [, attrs] = spec.toDOM!(mark as PmMark, true) as [string, Record<string, unknown>];
      expect(attrs.href ?? null).toBeNull();
    });

    it("parses <a href> only with an allowed address", () => {
      const rule = spec.parseDOM!.find((r) => r.tag === "a[href]")!;
      expect(rule.getAttrs!(anchor("https://a.example"))).toMatchObject({ href: "https://a.example" });
      expect(rule.getAttrs!(anchor("javascript:alert(1)"))).toBe(false);
    });
  });

  describe("commands", () => {
    let editor: Editor;
    beforeEach(() => {
      editor = new Editor({ extensions, content: plain });
      editor.commands.selectAll();
    });
    afterEach(() => editor.destroy());

    it("setLink marks the selection with the trimmed address", () => {
      expect(editor.commands.setLink({ href: " https://b.example/x " })).toBe(true);
      expect(editor.getJSON()).toEqual(linked({ href: "https://b.example/x" }));
    });

    it("setLink refuses a forbidden address and leaves the text as it was", () => {
      expect(editor.commands.setLink({ href: "javascript:alert(1)" })).toBe(false);
      expect(editor.getJSON()).toEqual(plain);
    });

    it("unsetLink removes the link", () => {
      editor.commands.setLink({ href: "https://b.example" });
      editor.commands.selectAll();
      expect(editor.commands.unsetLink()).toBe(true);
      expect(editor.getJSON()).toEqual(plain);
    });
  });
});
