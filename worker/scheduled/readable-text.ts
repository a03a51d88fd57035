/**
 * An article page's readable text, streamed through HTMLRewriter. The rules, close to the importer's
 * (worker/domain/article-parse.ts) so that an unchanged page reads as unchanged:
 * - nothing inside head, script, style, noscript, template, nav, footer, aside or form;
 * - the first h1 is the title (else <title>); it is not body text;
 * - every p, li, blockquote, pre, h2–h6, td, div, section and article boundary, and each br, ends a line;
 * - when the page has an <article>, only the text inside it counts (menus and teasers sit outside);
 * - entities decoded, whitespace runs collapsed to one space, empty lines dropped.
 */
const skipped = "head, script, style, noscript, template, nav, footer, aside, form";
const blocks = "p, li, blockquote, pre, h2, h3, h4, h5, h6, td, div, section, article, br";

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", mdash: "—", ndash: "–", laquo: "«", raquo: "»", hellip: "…", rsquo: "’", lsquo: "‘", ldquo: "“", rdquo: "”" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (entities[e.toLowerCase()] ?? m),
  );

export interface ReadableText {
  title: string | null;
  lines: string[];
}

/** Extract the readable text of an HTML response (see the rules above). */
export async function readableText(response: Response): Promise<ReadableText> {
  let skip = 0;
  let articleDepth = 0;
  let sawArticle = false;
  let h1: string[] | null = null;
  let title: string | null = null;
  let pageTitle = "";
  let inPageTitle = false;
  let current = "";
  const lines: { text: string; inArticle: boolean }[] = [];
  const flush = () => {
    const text = decode(current).replace(/\s+/g, " ").trim();
    if (text) lines.push({ text, inArticle: articleDepth > 0 });
    current = "";
  };
  const rewriter = new HTMLRewriter()
    .on("title", {
      element(el) {
        inPageTitle = true;
        el.onEndTag(() => void (inPageTitle = false));
      },
    })
    .on(skipped, {
      element(el) {
        skip++;
        el.onEndTag(() => void skip--);
      },
    })
    .on("article", {
      element(el) {
        flush();
        sawArticle = true;
        articleDepth++;
        el.onEndTag(() => {
          flush();
          articleDepth--;
        });
      },
    })
    .on("h1", {
      element(el) {
        if (title !== null || h1 !== null || skip > 0) return;
        flush();
        h1 = [];
        el.onEndTag(() => {
          title = decode(h1!.join("")).replace(/\s+/g, " ").trim() || null;
          h1 = null;
        });
      },
    })
    .on(blocks, {
      element(el) {
        flush();
        if (!el.removed && el.tagName !== "br") el.onEndTag(() => flush());
      },
    })
    .onDocument({
      text(chunk) {
        if (inPageTitle) pageTitle += chunk.text;
        else if (skip > 0) return;
        else if (h1) h1.push(chunk.text);
        else current += chunk.text;
      },
    });
  await rewriter.transform(response).arrayBuffer();
  flush();
  const kept = sawArticle && lines.some((l) => l.inArticle) ? lines.filter((l) => l.inArticle) : lines;
  return { title: title ?? (decode(pageTitle).replace(/\s+/g, " ").trim() || null), lines: kept.map((l) => l.text) };
}
