/**
 * Explanations arrive as Tiptap JSON written in the browser, so they are untrusted input. This module
 * turns them into HTML through an allow-list: known nodes and marks become fixed tags, every string is
 * escaped, and a link survives only with an http(s) or mailto address.
 */

/** Deeper than any explanation a person writes; past it a crafted document is cut off instead of recursed into. */
const maxDepth = 40;
/** More nodes than any explanation has; a crafted object graph that shares children cannot make a walk run for ever. */
const maxNodes = 20_000;

type Json = Record<string, unknown>;

/** One walk over a document: how deep it is and how many nodes it may still visit. */
interface Walk {
  depth: number;
  budget: { left: number };
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function children(node: Json): unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

/** The walk one level down, or null when it may go no further. */
function descend(walk: Walk): Walk | null {
  if (walk.depth >= maxDepth || walk.budget.left <= 0) return null;
  walk.budget.left--;
  return { depth: walk.depth + 1, budget: walk.budget };
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

function markTags(mark: Json): { open: string; close: string } | null {
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
  const marks = (Array.isArray(node.marks) ? node.marks : []).filter(isObject);
  const applied = new Set<unknown>();
  // The first mark is the outermost, as Tiptap renders them, so wrap from the last; a repeated mark type is applied once.
  for (const mark of marks.reverse()) {
    const tags = applied.has(mark.type) ? null : markTags(mark);
    if (!tags) continue;
    applied.add(mark.type);
    html = tags.open + html + tags.close;
  }
  return html;
}

function renderList(node: Json, tag: "ul" | "ol", walk: Walk): string {
  const items = children(node)
    .map((item) => {
      // Whatever sits directly in a list is shown as an item; a listItem's own content is blocks.
      const inner = isObject(item) && item.type === "listItem" ? renderChildren(item, walk, true) : renderNode(item, walk, true);
      return inner ? `<li>${inner}</li>` : "";
    })
    .join("");
  if (!items) return "";
  const start = tag === "ol" && isObject(node.attrs) ? node.attrs.start : undefined;
  const startAttr = typeof start === "number" && Number.isSafeInteger(start) && start !== 1 ? ` start="${start}"` : "";
  return `<${tag}${startAttr}>${items}</${tag}>`;
}

function renderChildren(node: Json, walk: Walk, block: boolean): string {
  const next = descend(walk);
  return next ? children(node).map((n) => renderNode(n, next, block)).join("") : "";
}

/**
 * One node. `block` says whether the node stands where blocks go (in the doc or a list item), so that
 * stray inline content there still ends up inside a paragraph, and a block found inline becomes text.
 */
function renderNode(node: unknown, walk: Walk, block: boolean): string {
  if (!isObject(node)) return "";
  const asText = () => escapeHtml(nodeText(node, walk));
  const wrap = (html: string) => (block && html ? `<p>${html}</p>` : html);
  switch (node.type) {
    case "doc":
      return renderChildren(node, walk, true);
    case "paragraph":
      // An empty paragraph is how editors make vertical space; it carries no content, so it is dropped.
      return wrap(renderChildren(node, walk, false));
    case "bulletList":
    case "orderedList": {
      if (!block) return asText();
      const next = descend(walk);
      return next ? renderList(node, node.type === "bulletList" ? "ul" : "ol", next) : "";
    }
    case "listItem":
      return block ? renderChildren(node, walk, true) : asText();
    case "text":
      return wrap(renderText(node));
    case "hardBreak":
      return block ? "" : "<br>";
    default:
      // Unknown nodes (headings, images, iframes, anything pasted in or crafted) keep their words and
      // lose their form: dropping the text would silently change what the fact-checker wrote.
      return wrap(asText());
  }
}

function isInline(node: unknown): boolean {
  return isObject(node) && (node.type === "text" || node.type === "hardBreak");
}

/** Plain text of a node: blocks apart by a blank line, list items and hard breaks by a line end. */
function nodeText(node: unknown, walk: Walk): string {
  if (!isObject(node)) return "";
  if (node.type === "text") return typeof node.text === "string" ? node.text : "";
  if (node.type === "hardBreak") return "\n";
  const next = descend(walk);
  if (!next) return "";
  const kids = children(node);
  const parts = kids.map((n) => nodeText(n, next));
  const isList = node.type === "bulletList" || node.type === "orderedList" || node.type === "listItem";
  if (!isList && kids.every(isInline)) return parts.join("");
  return parts.filter((part) => part !== "").join(isList ? "\n" : "\n\n");
}

function newWalk(): Walk {
  return { depth: 0, budget: { left: maxNodes } };
}

/** Safe HTML of a Tiptap explanation through the allow-list; an empty string for anything unusable. Never throws. */
export function renderExplanation(doc: unknown): string {
  try {
    return renderNode(doc, newWalk(), true);
  } catch {
    // Only reachable through hostile objects (throwing getters, proxies); JSON from the database never gets here.
    return "";
  }
}

/** Plain text of a Tiptap explanation, for JSON-LD, annotations and search. Never throws. */
export function explanationText(doc: unknown): string {
  try {
    return nodeText(doc, newWalk()).trim();
  } catch {
    return "";
  }
}
