/**
 * Explanations arrive as Tiptap JSON written in the browser, so they are untrusted input. This module
 * turns them into HTML through an allow-list: known nodes and marks become fixed tags, every string is
 * escaped, and a link survives only with an http(s) or mailto address.
 */

/** Deeper than any explanation a person writes; past it a crafted document is cut off instead of recursed into. */
const maxDepth = 40;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function children(node: Json): unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escape text for element content and for quoted attribute values alike. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => entities[ch]);
}

const linkProtocols = new Set(["http:", "https:", "mailto:"]);

/** The link's address when it is an absolute http(s) or mailto URL, normalised by the URL parser; otherwise null. */
function safeHref(href: unknown): string | null {
  if (typeof href !== "string") return null;
  let url: URL;
  try {
    // The parser strips tabs, newlines and surrounding spaces as browsers do, so "java\nscript:" is judged
    // by the scheme a browser would see, not by how it is spelled.
    url = new URL(href);
  } catch {
    return null;
  }
  return linkProtocols.has(url.protocol) ? url.href : null;
}

type MarkTags = { open: string; close: string };

function markTags(mark: unknown): MarkTags | null {
  if (!isObject(mark)) return null;
  switch (mark.type) {
    case "bold":
      return { open: "<strong>", close: "</strong>" };
    case "italic":
      return { open: "<em>", close: "</em>" };
    case "link": {
      const href = safeHref(isObject(mark.attrs) ? mark.attrs.href : undefined);
      // target="_blank" is left out: the reader decides where a link opens. nofollow because the
      // links are evidence we cite, not endorsements; noopener for any browser that opens a new context.
      return href ? { open: `<a href="${escapeHtml(href)}" rel="nofollow noopener">`, close: "</a>" } : null;
    }
    default:
      return null;
  }
}

function renderText(node: Json): string {
  if (typeof node.text !== "string" || node.text === "") return "";
  let html = escapeHtml(node.text);
  const marks = Array.isArray(node.marks) ? node.marks : [];
  const seen = new Set<unknown>();
  // The first mark is the outermost, as Tiptap renders them; a repeated mark type is applied once.
  for (let i = marks.length - 1; i >= 0; i--) {
    const type = isObject(marks[i]) ? (marks[i] as Json).type : undefined;
    if (seen.has(type)) continue;
    const tags = markTags(marks[i]);
    if (!tags) continue;
    seen.add(type);
    html = tags.open + html + tags.close;
  }
  return html;
}

function renderInline(nodes: unknown[], depth: number): string {
  return nodes.map((n) => renderNode(n, depth, false)).join("");
}

function renderBlocks(nodes: unknown[], depth: number): string {
  return nodes.map((n) => renderNode(n, depth, true)).join("");
}

function renderList(node: Json, tag: "ul" | "ol", depth: number): string {
  const items = children(node)
    .map((item) => {
      // Whatever sits directly in a list is shown as an item; a listItem's own content is blocks.
      const inner = isObject(item) && item.type === "listItem" ? renderBlocks(children(item), depth + 1) : renderNode(item, depth + 1, true);
      return inner ? `<li>${inner}</li>` : "";
    })
    .join("");
  if (!items) return "";
  const start = tag === "ol" && isObject(node.attrs) ? node.attrs.start : undefined;
  const startAttr = typeof start === "number" && Number.isSafeInteger(start) && start !== 1 ? ` start="${start}"` : "";
  return `<${tag}${startAttr}>${items}</${tag}>`;
}

/**
 * One node. `block` says whether the node stands where blocks go (in the doc or a list item), so that
 * stray inline content there still ends up inside a paragraph.
 */
function renderNode(node: unknown, depth: number, block: boolean): string {
  if (!isObject(node) || depth > maxDepth) return "";
  const wrap = (html: string) => (block && html ? `<p>${html}</p>` : html);
  switch (node.type) {
    case "doc":
      return renderBlocks(children(node), depth + 1);
    case "paragraph": {
      const inner = renderInline(children(node), depth + 1);
      // An empty paragraph is how editors make vertical space; it carries no content, so it is dropped.
      return block ? (inner ? `<p>${inner}</p>` : "") : inner;
    }
    case "bulletList":
      return block ? renderList(node, "ul", depth + 1) : escapeHtml(nodeText(node, depth));
    case "orderedList":
      return block ? renderList(node, "ol", depth + 1) : escapeHtml(nodeText(node, depth));
    case "listItem":
      return block ? renderBlocks(children(node), depth + 1) : escapeHtml(nodeText(node, depth));
    case "text":
      return wrap(renderText(node));
    case "hardBreak":
      return block ? "" : "<br>";
    default:
      // Unknown nodes (headings, images, iframes, anything pasted in or crafted) keep their words and
      // lose their form: dropping the text would silently change what the fact-checker wrote.
      return wrap(escapeHtml(nodeText(node, depth)));
  }
}

/** Plain text of a node: blocks separated by blank lines, list items and hard breaks by line ends. */
function nodeText(node: unknown, depth: number): string {
  if (!isObject(node) || depth > maxDepth) return "";
  switch (node.type) {
    case "text":
      return typeof node.text === "string" ? node.text : "";
    case "hardBreak":
      return "\n";
    case "bulletList":
    case "orderedList":
    case "listItem":
      return joinNonEmpty(children(node).map((n) => nodeText(n, depth + 1)), "\n");
    default: {
      const parts = children(node).map((n) => nodeText(n, depth + 1));
      // Children that are blocks (paragraphs, lists, unknown containers) stand apart; inline runs join up.
      const hasBlocks = children(node).some((n) => isObject(n) && !isInline(n.type));
      return hasBlocks ? joinNonEmpty(parts, "\n\n") : parts.join("");
    }
  }
}

function isInline(type: unknown): boolean {
  return type === "text" || type === "hardBreak";
}

function joinNonEmpty(parts: string[], separator: string): string {
  return parts.filter((p) => p !== "").join(separator);
}

/** Safe HTML of a Tiptap explanation through the allow-list; an empty string for anything unusable. Never throws. */
export function renderExplanation(doc: unknown): string {
  try {
    return renderNode(doc, 0, true);
  } catch {
    // Only reachable through hostile objects (throwing getters, proxies); JSON from the database never gets here.
    return "";
  }
}

/** Plain text of a Tiptap explanation, for JSON-LD, annotations and search. Never throws. */
export function explanationText(doc: unknown): string {
  try {
    return nodeText(doc, 0).trim();
  } catch {
    return "";
  }
}
