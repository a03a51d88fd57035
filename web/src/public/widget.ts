/**
 * The embeddable widget. A publisher adds, on their own article page:
 *
 *   <script src="https://FACTLINE/widget.js" data-factline-url="(the article's URL)" async></script>
 *
 * It asks Factline's public API for the published fact-checks of that URL (the page's own address
 * when the attribute is absent), finds each quote in the page's text, and highlights it with the
 * verdict as a text label that opens the verdict, explanation and a link to the full fact-check.
 * A quote it cannot find exactly is left out: a verdict on the wrong words would be worse than none.
 *
 * Everything it adds is built from text (never HTML from the network), styled only by widget.css
 * from Factline's origin, so it runs under a publisher CSP that allows that origin for script,
 * style and connect, without 'unsafe-inline'.
 */
import { publicStateLabel, uiLanguageOf, type UiLanguage } from "../../../schema/enums";
import { claimViews, type ClaimView } from "./annotation-view";
import { indexText, wrapSpan } from "./dom-anchor";
import { h } from "../lib/dom";
import { createPopover, hasPopover, type VerdictPopover } from "./popover";
import { matchQuote } from "./quote-match";
import { message } from "./strings";

const ownUi = (element: Element) => element.classList.contains("factline-tag") || element.classList.contains("factline-popover");

/** The popover's content for one fact-check: plain text and http(s) links only. */
function details(view: ClaimView, ui: UiLanguage, titleId: string): Node[] {
  const nodes: Node[] = [h("p", { class: `factline-verdict tone-${view.tone}`, id: titleId }, view.label ?? publicStateLabel("retracted", ui))];
  if (view.state === "corrected") nodes.push(h("p", { class: "factline-state" }, publicStateLabel("corrected", ui)));
  nodes.push(h("blockquote", { class: "factline-quote" }, view.selector.exact));
  for (const text of view.comments) nodes.push(h("p", { class: "factline-comment" }, text));
  if (view.sources.length) {
    nodes.push(h("p", { class: "factline-sources" }, message(ui, "sources")));
    nodes.push(h("ul", {}, ...view.sources.map((s) => h("li", {}, h("a", { href: s.url, rel: "nofollow noopener" }, s.title)))));
  }
  if (view.permalink) nodes.push(h("p", { class: "factline-more" }, h("a", { href: view.permalink }, message(ui, "readMore"))));
  return nodes;
}

/** The verdict label after a highlight: a button that opens the popover, or a link to the fact-check without the Popover API. */
function verdictLabel(view: ClaimView, ui: UiLanguage, withPopover: boolean): HTMLElement {
  const children = [h("span", { class: "factline-vh" }, `${message(ui, "factCheck")}: `), view.label ?? publicStateLabel("retracted", ui)];
  const attrs = { class: `factline-tag tone-${view.tone}`, lang: ui, "data-factline-claim": view.id };
  return withPopover || !view.permalink
    ? h("button", { ...attrs, type: "button", "aria-haspopup": "dialog" }, ...children)
    : h("a", { ...attrs, href: view.permalink }, ...children);
}

/** Highlight one fact-check; false when its quote is not (unambiguously) on the page. */
function place(view: ClaimView, ui: UiLanguage, popover: VerdictPopover | null): boolean {
  const index = indexText(document.body, ownUi);
  const span = matchQuote(index.text, view.selector);
  if (!span) return false;
  const marks = wrapSpan(index, span, () => h("mark", { class: `factline-hl tone-${view.tone}`, "data-factline-claim": view.id }));
  if (marks.length === 0) return false;
  const label = verdictLabel(view, ui, popover !== null);
  // A button inside the publisher's link (or another control) would be invalid and unusable: the
  // label goes after it instead.
  const last = marks[marks.length - 1];
  const after = last.parentElement?.closest("a, button, label, summary") ?? last;
  after.parentNode?.insertBefore(label, after.nextSibling);
  if (popover) {
    const open = () => popover.open(label, details(view, ui, "factline-title"), "factline-title");
    label.addEventListener("click", open);
    for (const mark of marks) {
      mark.addEventListener("click", (event) => {
        // Inside the publisher's own link, a click is theirs; the label still opens the verdict.
        if (!(event.target as Element).closest("a")) open();
      });
    }
  }
  return true;
}

function start(script: HTMLScriptElement) {
  const factline = new URL(script.src).origin;
  const pageUrl = script.dataset.factlineUrl || location.href.replace(/#.*$/, "");
  const ui = uiLanguageOf(document.documentElement.lang) ?? "en";
  const stylesheet = `${factline}/widget.css`;
  if (![...document.querySelectorAll("link")].some((l) => l.href === stylesheet)) {
    document.head.appendChild(h("link", { rel: "stylesheet", href: stylesheet }));
  }
  const request = fetch(`${factline}/api/public/annotations?url=${encodeURIComponent(pageUrl)}`, { credentials: "omit" }).then((r) =>
    r.ok ? r.json() : null,
  );
  const ready = new Promise<void>((resolve) => {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => resolve(), { once: true });
    else resolve();
  });
  Promise.all([request, ready])
    .then(([collection]) => {
      const views = claimViews(collection);
      if (views.length === 0) return;
      const popover = hasPopover()
        ? createPopover({ className: "factline-popover", openClass: "factline-open", closeLabel: message(ui, "close"), bar: [h("span", { class: "factline-brand" }, `Factline · ${message(ui, "factCheck")}`)] })
        : null;
      popover?.element.setAttribute("lang", ui);
      for (const view of views) place(view, ui, popover);
    })
    // No fact-checks for this page, or Factline unreachable: the page stays as it was.
    .catch(() => undefined);
}

// currentScript is set only while a classic script first runs, so it is read at once.
const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>("script[src$='/widget.js']");
if (script?.src) start(script);
