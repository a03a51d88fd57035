import { getSchema } from "@tiptap/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explanationExtensions } from "../../web/src/editor/explanation-schema";
import { explanationText, renderExplanation } from "../../worker/domain/explanation-html";

// The Tiptap extensions the explanation editor is built from: fixtures must be documents they accept.
const tiptap = getSchema(explanationExtensions);

type Mark = { type: string; attrs?: Record<string, unknown> };
const t = (text: string, ...marks: Mark[]) => (marks.length ? { type: "text", text, marks } : { type: "text", text });
const p = (...content: unknown[]) => ({ type: "paragraph", content });
const doc = (...content: unknown[]) => ({ type: "doc", content });
const link = (href: unknown, extra: Record<string, unknown> = {}): Mark => ({ type: "link", attrs: { href, ...extra } });
const li = (...content: unknown[]) => ({ type: "listItem", content });

/**
 * The output is made only of allow-listed tags with allow-listed attributes, and no markup survives
 * outside them: strip those tags and not one `<` or `>` is left.
 */
const allowedTag = /<(?:\/(?:p|strong|em|ul|ol|li|a)|p|strong|em|ul|li|br|ol(?: start="-?\d+")?|a href="[^"<>]*" rel="nofollow noopener")>/g;
function expectOnlyAllowedMarkup(html: string) {
  expect(html.replace(allowedTag, "")).not.toMatch(/[<>]/);
  for (const href of html.matchAll(/ href="([^"]*)"/g)) expect(href[1]).toMatch(/^(https?:\/\/|mailto:)/);
}

describe("explanation-html", () => {
  describe("renderExplanation", () => {
    it("allows exactly the node and mark types of the Tiptap extensions it is fed by (plus hardBreak)", () => {
      expect(Object.keys(tiptap.nodes).sort()).toEqual(["bulletList", "doc", "listItem", "orderedList", "paragraph", "text"]);
      expect(Object.keys(tiptap.marks).sort()).toEqual(["bold", "italic", "link"]);
    });

    it("renders paragraphs, bold, italic and links", () => {
      const d = doc(p(t("The "), t("ministry", { type: "bold" }), t(" says "), t("12,000", { type: "italic" }), t(".")), p(t("Source", link("https://stat.example/r?a=1&b=2"))));
      tiptap.nodeFromJSON(d).check();
      expect(renderExplanation(d)).toBe(
        '<p>The <strong>ministry</strong> says <em>12,000</em>.</p><p><a href="https://stat.example/r?a=1&amp;b=2" rel="nofollow noopener">Source</a></p>',
      );
    });

    it("nests marks in the order Tiptap lists them, first outermost", () => {
      const d = doc(p(t("both", link("https://a.example/"), { type: "bold" }, { type: "italic" })));
      tiptap.nodeFromJSON(d).check();
      expect(renderExplanation(d)).toBe('<p><a href="https://a.example/" rel="nofollow noopener"><strong><em>both</em></strong></a></p>');
    });

    it("renders bullet and ordered lists, with an ordered list's start", () => {
      const d = doc(
        { type: "bulletList", content: [li(p(t("one"))), li(p(t("two")), { type: "orderedList", attrs: { start: 3 }, content: [li(p(t("three")))] })] },
        { type: "orderedList", attrs: { start: 1 }, content: [li(p(t("first")))] },
      );
      tiptap.nodeFromJSON(d).check();
      expect(renderExplanation(d)).toBe(
        '<ul><li><p>one</p></li><li><p>two</p><ol start="3"><li><p>three</p></li></ol></li></ul><ol><li><p>first</p></li></ol>',
      );
    });

    it("renders hard breaks and mailto links", () => {
      const d = doc(p(t("line one"), { type: "hardBreak" }, t("write to us", link("mailto:desk@factline.example"))));
      expect(renderExplanation(d)).toBe('<p>line one<br><a href="mailto:desk@factline.example" rel="nofollow noopener">write to us</a></p>');
    });

    it("escapes every character that could start markup or leave an attribute", () => {
      const d = doc(p(t(`<script>alert("x")</script> & 'quotes' <img src=x onerror=alert(1)>`)));
      expect(renderExplanation(d)).toBe(
        "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &lt;img src=x onerror=alert(1)&gt;</p>",
      );
    });

    it.each([
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "  javascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "\u0000javascript:alert(1)",
      "&#106;avascript:alert(1)",
      "vbscript:msgbox(1)",
      "data:text/html,<script>alert(1)</script>",
      "file:///etc/passwd",
      "//evil.example/x",
      "/relative/path",
      "",
      42,
      null,
      { toString: () => "https://ok.example" },
    ])("drops a link to %j but keeps its text", (href) => {
      const html = renderExplanation(doc(p(t("click", link(href)))));
      expect(html).toBe("<p>click</p>");
    });

    it("keeps a quote in an href inside the attribute", () => {
      const html = renderExplanation(doc(p(t("x", link('https://a.example/" onmouseover="alert(1)')))));
      expectOnlyAllowedMarkup(html);
      expect(html).toMatch(/^<p><a href="https:\/\/a\.example\/[^"]*" rel="nofollow noopener">x<\/a><\/p>$/);
      const mailto = renderExplanation(doc(p(t("y", link('mailto:a"b@x.example?subject="><script>')))));
      expectOnlyAllowedMarkup(mailto);
      expect(mailto).not.toContain("<script");
    });

    it("ignores attributes it was not asked for: target, rel, class, style, event handlers", () => {
      const html = renderExplanation(
        doc({
          type: "paragraph",
          attrs: { class: "x", style: "position:fixed", onclick: "alert(1)" },
          content: [t("x", link("https://a.example/", { target: "_blank", rel: "opener", class: "c", onclick: "alert(1)" }))],
        }),
      );
      expect(html).toBe('<p><a href="https://a.example/" rel="nofollow noopener">x</a></p>');
    });

    it("ignores an ordered list start that is not an integer", () => {
      for (const start of ['3" onclick="alert(1)', 2.5, Number.NaN, "7"]) {
        expect(renderExplanation(doc({ type: "orderedList", attrs: { start }, content: [li(p(t("a")))] }))).toBe("<ol><li><p>a</p></li></ol>");
      }
    });

    it("keeps the words of unknown nodes as escaped text and drops their form", () => {
      const d = doc(
        { type: "heading", attrs: { level: 1 }, content: [t("Title")] },
        { type: "script", content: [t("alert(1)")] },
        { type: "blockquote", content: [p(t("quoted <b>")), p(t("twice"))] },
        { type: "image", attrs: { src: "javascript:alert(1)", onerror: "alert(1)" } },
        { type: "iframe", attrs: { src: "https://evil.example" } },
        p(t("a"), { type: "mention", attrs: { id: "<x>" } }, t("b")),
      );
      expect(renderExplanation(d)).toBe("<p>Title</p><p>alert(1)</p><p>quoted &lt;b&gt;\n\ntwice</p><p>ab</p>");
    });

    it("drops unknown marks but keeps their text", () => {
      const d = doc(p(t("x", { type: "textStyle", attrs: { style: "color:red" } }, { type: "code" }, { type: "bold" })));
      expect(renderExplanation(d)).toBe("<p><strong>x</strong></p>");
    });

    it("applies a repeated mark once", () => {
      expect(renderExplanation(doc(p(t("x", { type: "bold" }, { type: "bold" }))))).toBe("<p><strong>x</strong></p>");
    });

    it("drops empty paragraphs and lists, and text nodes without a string", () => {
      expect(renderExplanation(doc(p(), { type: "paragraph" }, { type: "bulletList", content: [] }, p({ type: "text", text: 5 }), p(t(""))))).toBe("");
    });

    it("puts stray inline content at block level into paragraphs", () => {
      expect(renderExplanation(doc(t("loose"), { type: "hardBreak" }))).toBe("<p>loose</p>");
      expect(renderExplanation({ type: "bulletList", content: [t("item")] })).toBe("<ul><li><p>item</p></li></ul>");
    });

    it.each([
      ["null", null],
      ["undefined", undefined],
      ["a number", 42],
      ["a string", "<script>alert(1)</script>"],
      ["an array", [doc(p(t("x")))]],
      ["an empty object", {}],
      ["content that is not a list", { type: "doc", content: "<p>x</p>" }],
      ["marks that are not a list", doc(p({ type: "text", text: "x", marks: "bold" }))],
    ])("returns an empty string or plain escaped content for garbage: %s", (_name, input) => {
      const html = renderExplanation(input);
      expectOnlyAllowedMarkup(html);
      expect(html === "" || html === "<p>x</p>").toBe(true);
    });

    it("survives hostile objects: deep nesting, cycles, throwing getters and proxies", () => {
      let deep: unknown = t("bottom");
      for (let i = 0; i < 100_000; i++) deep = { type: "blockquote", content: [deep] };
      expect(() => renderExplanation(doc(deep))).not.toThrow();
      expect(renderExplanation(doc(deep))).toBe("");

      const cyclic: { type: string; content: unknown[] } = { type: "doc", content: [] };
      cyclic.content.push(cyclic, p(t("ok")));
      expect(() => renderExplanation(cyclic)).not.toThrow();

      // Shared children double the work at every level: 2^15 leaves, and 2^60 visits, unless the walk is bounded.
      const sharedTree = (levels: number) => {
        let shared: unknown = p(t("leaf"));
        for (let i = 0; i < levels; i++) shared = { type: "bulletList", content: [li(shared), li(shared)] };
        return doc(shared);
      };
      const leaves = renderExplanation(sharedTree(15)).match(/leaf/g)?.length ?? 0;
      expect(leaves).toBeGreaterThan(1000);
      expect(leaves).toBeLessThan(2 ** 15);
      expect(explanationText(sharedTree(15)).length).toBeGreaterThan(0);
      expect(renderExplanation(sharedTree(60))).toBe("");
      expect(explanationText(sharedTree(60))).toBe("");

      const selfList: { type: string; content: unknown[] } = { type: "bulletList", content: [] };
      selfList.content.push(selfList, p(t("item")));
      expect(renderExplanation(doc(selfList))).toContain("<li><p>item</p></li>");

      const getter = { type: "doc" };
      Object.defineProperty(getter, "content", { get: () => { throw new Error("boom"); }, enumerable: true });
      expect(renderExplanation(getter)).toBe("");

      const proxy = new Proxy({}, { get: () => { throw new Error("boom"); } });
      expect(renderExplanation(proxy)).toBe("");
      expect(explanationText(proxy)).toBe("");
    });

    it("emits only allow-listed markup for any JSON at all", () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const html = renderExplanation(value);
          expectOnlyAllowedMarkup(html);
        }),
        { numRuns: 500 },
      );
    }, 60_000);

    it("emits only allow-listed markup for Tiptap-shaped documents full of hostile strings", () => {
      const nasty = fc.oneof(fc.string(), fc.constantFrom("<script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)", "&lt;", "'", "</p>"));
      const mark = fc.oneof(
        fc.constantFrom({ type: "bold" }, { type: "italic" }),
        nasty.map((href) => link(href)),
        fc.webUrl().map((href) => link(href)),
        nasty.map((type) => ({ type, attrs: { href: type } })),
      );
      const text = fc.record({ type: fc.constant("text"), text: nasty, marks: fc.array(mark, { maxLength: 3 }) });
      const { node } = fc.letrec<{ node: unknown }>((tie) => ({
        node: fc.oneof(
          { depthSize: "small", withCrossShrink: true },
          text,
          fc.record({ type: fc.constantFrom("paragraph", "bulletList", "orderedList", "listItem", "doc", "heading", "<script>"), attrs: fc.dictionary(nasty, nasty), content: fc.array(tie("node"), { maxLength: 4 }) }),
          fc.constant({ type: "hardBreak" }),
        ),
      }));
      fc.assert(
        fc.property(node, (n) => {
          const html = renderExplanation({ type: "doc", content: [n] });
          expectOnlyAllowedMarkup(html);
          expect(explanationText({ type: "doc", content: [n] })).not.toBeUndefined();
        }),
        { numRuns: 500 },
      );
      // 500 deep random documents: a few seconds on a quiet machine, more on a loaded one.
    }, 60_000);
  });

  describe("explanationText", () => {
    it("gives plain text: blocks apart by a blank line, list items and hard breaks by a line end", () => {
      const d = doc(
        p(t("The "), t("ministry", { type: "bold" }), t(" says "), t("12,000", link("https://a.example/")), t(".")),
        { type: "bulletList", content: [li(p(t("one"))), li(p(t("two")))] },
        p(t("a"), { type: "hardBreak" }, t("b")),
      );
      expect(explanationText(d)).toBe("The ministry says 12,000.\n\none\ntwo\n\na\nb");
    });

    it("agrees with Tiptap's own text of a document", () => {
      const d = doc(p(t("First "), t("bold", { type: "bold" })), p(t("Second")));
      expect(explanationText(d)).toBe(tiptap.nodeFromJSON(d).textBetween(0, tiptap.nodeFromJSON(d).content.size, "\n\n"));
    });

    it("does not unescape or interpret markup in the text", () => {
      expect(explanationText(doc(p(t("<b>&amp;</b>"))))).toBe("<b>&amp;</b>");
    });

    it("includes the words of unknown nodes, as the HTML does", () => {
      expect(explanationText(doc({ type: "heading", content: [t("Title")] }, p(t("Body"))))).toBe("Title\n\nBody");
    });

    it("returns an empty string for garbage", () => {
      for (const v of [null, undefined, 1, "text", [], {}, { type: "doc", content: [{ type: "image" }] }]) expect(explanationText(v)).toBe("");
    });
  });
});
