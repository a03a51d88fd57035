/**
 * The DOM half of anchoring a quote on a publisher's page: the page's visible text as one string with
 * a map back to its text nodes, and wrapping a span of that string in highlight elements. Which span
 * to wrap is decided by the pure quote-match.ts.
 */
import type { Span } from "./quote-match";

/** The text nodes under a root in document order, their concatenated text, and where each starts in it. */
export interface TextIndex {
  text: string;
  nodes: Text[];
  starts: number[];
}

// Text that is not read as part of the article: code, styles, fallbacks, form controls, embeds.
const skippedTags = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "SELECT", "OPTION", "IFRAME", "OBJECT", "SVG", "MATH", "HEAD", "TITLE"]);

/** Index the text under `root`, leaving out skipped elements, `hidden` ones and those `skip` names (our own UI). */
export function indexText(root: Node, skip: (element: Element) => boolean = () => false): TextIndex {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      const rejected = skippedTags.has(element.tagName.toUpperCase()) || element.hasAttribute("hidden") || skip(element);
      return rejected ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    nodes.push(node as Text);
    starts.push(text.length);
    text += data;
  }
  return { text, nodes, starts };
}

/**
 * Wrap the span of the index's text in elements from `wrap`, one per text node it touches (a quote
 * may cross links and emphasis), splitting the first and last nodes at the span's ends.
 * Whitespace-only pieces stay unwrapped: between blocks, a wrapper would be invalid markup.
 * The index is stale afterwards; index again before the next span.
 */
export function wrapSpan(index: TextIndex, span: Span, wrap: () => HTMLElement): HTMLElement[] {
  const wrappers: HTMLElement[] = [];
  index.nodes.forEach((original, k) => {
    const from = index.starts[k];
    const to = from + original.length;
    if (to <= span.start || from >= span.end) return;
    const start = Math.max(span.start - from, 0);
    const end = Math.min(span.end, to) - from;
    const piece = start > 0 ? original.splitText(start) : original;
    if (end - start < piece.length) piece.splitText(end - start);
    if (!piece.data.trim() || !piece.parentNode) return;
    const wrapper = wrap();
    piece.parentNode.insertBefore(wrapper, piece);
    wrapper.appendChild(piece);
    wrappers.push(wrapper);
  });
  return wrappers;
}
