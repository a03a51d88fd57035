/**
 * Search (#/search?q=…): claims in every state, or articles, through GET /api/search, with the API's
 * filters and its cursor ("More results" appends the next page). Snippets arrive as text pieces and are
 * put in as text nodes, hits in <mark>: nothing is parsed as HTML.
 */
import { claimStates, claimStateLabel } from "../../../schema/enums";
import { ratingLabel } from "../../../schema/rating-scale";
import { api, errorMessage, unwrap, type SearchResponse } from "../lib/api";
import { field, formatDate, h, replace } from "../lib/dom";
import { languageNames, t, uiLanguage } from "../lib/i18n";
import { claimHash } from "../lib/router";
import { scale } from "../lib/scale";
import { claimBadge } from "./claim-table";
import type { ViewHandle } from "./view";

type Item = SearchResponse["items"][number];
type ClaimItem = Extract<Item, { exact: string }>;
type SnippetPart = { text: string; hit: boolean };

/** The filters the view reads from, and writes to, the hash. */
const filterNames = ["q", "kind", "rating", "state", "language", "from", "to", "claimant"] as const;

/** A snippet as text nodes, hits marked. */
export function snippetNode(parts: SnippetPart[], lang: string) {
  return h("p", { class: "snippet", lang }, parts.map((p) => (p.hit ? h("mark", {}, p.text) : p.text)));
}

function claimResult(c: ClaimItem) {
  return h(
    "li",
    { class: "search-result" },
    h("a", { href: claimHash(c.article.id, c.id), class: "search-result-link", lang: c.article.language }, `#${c.id} “${c.exact.length > 120 ? `${c.exact.slice(0, 119)}…` : c.exact}”`),
    " ",
    claimBadge(c.ratingKey, c.state),
    h("p", { class: "muted" }, [c.claimant?.name, c.article.title, formatDate(c.publishedAt ?? c.createdAt, uiLanguage())].filter(Boolean).join(" · ")),
    snippetNode(c.snippet, c.article.language),
  );
}

function articleResult(a: Exclude<Item, ClaimItem>) {
  return h(
    "li",
    { class: "search-result" },
    h("a", { href: `#/articles/${a.id}`, class: "search-result-link", lang: a.language }, a.title),
    h("p", { class: "muted" }, [a.publisher, a.publishedAt, a.language].filter(Boolean).join(" · ")),
    snippetNode(a.snippet, a.language),
  );
}

/**
 * Render the search view for the filters in `query`. A new search (the form, or back and forward) keeps the
 * form and redraws only the results, so the focus stays on the control the person searched from.
 */
export function renderSearch(main: HTMLElement, initial: URLSearchParams): ViewHandle {
  let query = initial;
  const value = (name: (typeof filterNames)[number]) => query.get(name) ?? "";
  const option = (v: string, label: string, selected: boolean) => h("option", { value: v, selected }, label);
  const controls = {
    q: h("input", { type: "search", name: "q", value: value("q"), autocomplete: "off" }),
    kind: h("select", { name: "kind" }, option("claims", t("kindClaims"), value("kind") !== "articles"), option("articles", t("articles"), value("kind") === "articles")),
    rating: h("select", { name: "rating" }, option("", t("anyVerdict"), false), scale().map((r) => option(r.key, ratingLabel(r.key, uiLanguage(), scale()), value("rating") === r.key))),
    state: h("select", { name: "state" }, option("", t("anyState"), false), claimStates.map((s) => option(s, claimStateLabel(s, uiLanguage()), value("state") === s))),
    language: h("select", { name: "language" }, option("", t("allLanguages"), false), (["en", "ru", "kk"] as const).map((l) => option(l, languageNames[l], value("language") === l))),
    from: h("input", { type: "date", name: "from", value: value("from") }),
    to: h("input", { type: "date", name: "to", value: value("to") }),
  };
  const qField = field(t("searchFor"), controls.q);
  const form = h(
    "form",
    { class: "filters search-form", role: "search", "aria-label": t("searchTitle") },
    qField.wrap,
    field(t("kindClaims") + " / " + t("articles"), controls.kind).wrap,
    field(t("verdict"), controls.rating).wrap,
    field(t("state"), controls.state).wrap,
    field(t("language"), controls.language).wrap,
    field(t("dateFrom"), controls.from).wrap,
    field(t("dateTo"), controls.to).wrap,
    h("div", { class: "field field-button" }, h("button", { type: "submit", class: "btn btn-primary" }, t("search"))),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [name, control] of Object.entries(controls)) if (control.value.trim()) p.set(name, control.value.trim());
    if (value("claimant")) p.set("claimant", value("claimant"));
    const hash = `#/search${p.size ? `?${p}` : ""}`;
    // The same search again changes no hash: search again here.
    if (location.hash === hash) show(p);
    else location.hash = hash;
  });

  const list = h("ol", { class: "search-results", id: "search-results" });
  const status = h("p", { class: "muted", role: "status", "aria-live": "polite" });
  const more = h("button", { type: "button", class: "btn", hidden: true, "aria-controls": "search-results" }, t("loadMore"));
  let next: string | null = null;
  /** The latest search: an older one's answer arriving late is dropped. */
  let searchNo = 0;

  async function load(cursor?: string) {
    const mine = cursor ? searchNo : ++searchNo;
    const params: Record<string, string> & { q: string } = { q: value("q") };
    for (const name of filterNames) if (value(name)) params[name] = value(name);
    if (cursor) params.cursor = cursor;
    more.disabled = true;
    try {
      const page = await unwrap(api.search.$get({ query: params }));
      if (mine !== searchNo) return;
      const before = list.children.length;
      for (const item of page.items) list.appendChild("exact" in item ? claimResult(item) : articleResult(item));
      next = page.next;
      more.hidden = !next;
      status.textContent = list.children.length ? "" : t("empty");
      // After "More results", the keyboard lands on the first new result rather than back at the top.
      if (cursor) list.children[before]?.querySelector<HTMLAnchorElement>("a")?.focus();
    } catch (err) {
      status.textContent = errorMessage(err);
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener("click", () => next && void load(next));

  /** Search for `q`: the controls follow it (back and forward), the results start again. */
  function show(q: URLSearchParams) {
    query = q;
    for (const [name, control] of Object.entries(controls)) control.value = name === "kind" ? (value("kind") === "articles" ? "articles" : "claims") : value(name as keyof typeof controls);
    replace(list);
    next = null;
    more.hidden = true;
    status.textContent = "";
    if (value("q")) void load();
  }

  replace(main, h("div", { class: "page-head" }, h("h1", {}, t("searchTitle"))), h("div", { class: "panel" }, form), h("section", { class: "panel", "aria-label": t("searchTitle") }, status, list, more));
  if (value("q")) void load();
  controls.q.focus();
  return {
    update(route) {
      if (route.name !== "search") return false;
      show(route.query);
      return true;
    },
  };
}
