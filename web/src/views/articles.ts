/** Articles: search, filters, paging, and import by paste or upload (the same POST as the import CLI). */
import { api, errorMessage, unwrap, type ArticleListItem } from "../lib/api";
import { field, formatDate, h, replace, showError } from "../lib/dom";
import { showFieldErrors } from "../lib/field-errors";
import { t, uiLanguage } from "../lib/i18n";
import type { DetectedDetails } from "../../../worker/domain/article-parse";
import type { ViewHandle } from "./view";

const pageSize = 20;
type Format = "text" | "markdown" | "html";

/** The import format of a file, from its extension; null when it is not one we read. */
export function formatOfFile(name: string): Format | null {
  const ext = name.toLowerCase().split(".").pop();
  if (ext === "txt") return "text";
  if (ext === "md" || ext === "markdown") return "markdown";
  if (ext === "html" || ext === "htm") return "html";
  return null;
}

function importPanel(onImported: () => void) {
  const text = h("textarea", { name: "text", rows: 6, class: "mono" });
  const format = h(
    "select",
    { name: "format" },
    h("option", { value: "text" }, t("formatText")),
    h("option", { value: "markdown" }, t("formatMarkdown")),
    h("option", { value: "html" }, t("formatHtml")),
  );
  const title = h("input", { type: "text", name: "title", maxlength: 500 });
  // The article's details: left empty, they are detected from the text (a source line, a date line).
  const details = {
    publisher: h("input", { type: "text", name: "publisher", maxlength: 200 }),
    sourceUrl: h("input", { type: "url", name: "sourceUrl", maxlength: 2000 }),
    author: h("input", { type: "text", name: "author", maxlength: 200 }),
    publishedAt: h("input", { type: "date", name: "publishedAt" }),
  };
  const detailFields = {
    publisher: field(t("detailPublisher"), details.publisher),
    sourceUrl: field(t("detailSourceUrl"), details.sourceUrl),
    author: field(t("detailAuthor"), details.author),
    publishedAt: field(t("detailPublishedAt"), details.publishedAt),
  };
  const detailsBox = h(
    "fieldset",
    { class: "import-details" },
    h("legend", {}, t("articleDetails")),
    h("p", { class: "hint" }, t("importDetailsHint")),
    h("div", { class: "row" }, detailFields.publisher.wrap, detailFields.sourceUrl.wrap),
    h("div", { class: "row" }, detailFields.author.wrap, detailFields.publishedAt.wrap),
  );
  type DetailKey = keyof typeof details;
  const detailKeys = Object.keys(details) as DetailKey[];
  // Prefilled with what the import detects in the pasted text, before the import; a field the person changed stays theirs.
  let detected: DetectedDetails = { publisher: null, sourceUrl: null, author: null, publishedAt: null };
  const valueOf = (k: DetailKey) => details[k].value.trim();
  let asked = 0;
  const refreshDetected = async () => {
    const mine = ++asked;
    const next = text.value.trim()
      ? await unwrap(api.articles.detect.$post({ json: { text: text.value, format: format.value as Format } })).then((r) => r.details, () => detected)
      : { publisher: null, sourceUrl: null, author: null, publishedAt: null };
    if (mine !== asked) return; // a later text is being read
    for (const k of detailKeys) {
      const el = details[k];
      if (!valueOf(k) || valueOf(k) === (detected[k] ?? "")) el.value = next[k] ?? "";
      if (next[k] && el.value === next[k]) el.setAttribute("data-detected", "");
      else el.removeAttribute("data-detected");
    }
    detected = next;
  };
  let detectTimer: ReturnType<typeof setTimeout> | undefined;
  const detectSoon = () => {
    clearTimeout(detectTimer);
    detectTimer = setTimeout(() => void refreshDetected(), 300);
  };
  // What is still as detected is left for the import to detect again, so it takes those lines out of the body as
  // the command line does; what the person changed is sent (the outlet and its URL together: the server detects them as one).
  const changed = (k: DetailKey) => valueOf(k) !== (detected[k] ?? "");
  const detailValues = () => {
    const source = changed("publisher") || changed("sourceUrl");
    const send = (k: DetailKey) => !!valueOf(k) && (k === "author" || (k === "publishedAt" ? changed(k) : source));
    return Object.fromEntries(detailKeys.filter(send).map((k) => [k, valueOf(k)]));
  };
  const file = h("input", { type: "file", name: "file", accept: ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" });
  const textField = field(t("pasteText"), text);
  const titleField = field(t("titleOptional"), title);
  text.addEventListener("input", detectSoon);
  format.addEventListener("change", () => void refreshDetected());
  const fileField = field(t("uploadFile"), file);
  const result = h("div", { class: "import-result", role: "status", "aria-live": "polite" });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("importButton"));

  async function send(body: { text: string; format: Format; title?: string; publisher?: string; sourceUrl?: string; author?: string; publishedAt?: string }, errorAt: (m: string | null) => void) {
    errorAt(null);
    replace(result);
    submit.disabled = true;
    try {
      const res = await unwrap(api.articles.$post({ json: body }));
      const open = h("a", { href: `#/articles/${res.article.id}`, class: "btn btn-small" }, t("open"));
      const named = res.article.title;
      const message =
        res.status === "created"
          ? t("imported", { title: named })
          : res.status === "revised"
            ? t("importedRevision", { title: named, number: res.revision.number })
            : res.status === "earlier_revision"
              ? t("earlierRevision", { title: named, number: res.revision.number, current: res.currentRevision.number })
              : t("duplicate", { title: named });
      const stored = res.status === "created" || res.status === "revised";
      replace(result, h("p", { class: stored ? "notice notice-ok" : "notice notice-warn", "data-status": res.status }, message, " ", open));
      if (stored) {
        text.value = "";
        title.value = "";
        for (const el of Object.values(details)) el.value = "";
        detected = { publisher: null, sourceUrl: null, author: null, publishedAt: null };
        onImported();
      }
    } catch (err) {
      const rest = showFieldErrors(err, { text: textField, title: titleField, ...detailFields }, errorMessage);
      if (rest) errorAt(rest);
    } finally {
      submit.disabled = false;
    }
  }

  const form = h("form", { class: "import-form", novalidate: true }, textField.wrap, h("div", { class: "row" }, field(t("format"), format).wrap, titleField.wrap), detailsBox, h("div", { class: "row" }, submit), fileField.wrap, result);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    for (const f of [textField, titleField, ...Object.values(detailFields)]) f.setError(null);
    if (!text.value.trim()) return textField.setError(t("field_text_empty"));
    clearTimeout(detectTimer);
    await refreshDetected();
    void send({ text: text.value, format: format.value as Format, ...(title.value.trim() ? { title: title.value.trim() } : {}), ...detailValues() }, textField.setError);
  });
  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const fmt = formatOfFile(chosen.name);
    if (!fmt) return fileField.setError(t("field_file_format"));
    await send({ text: await chosen.text(), format: fmt }, fileField.setError);
    file.value = "";
  });
  return h("details", { class: "panel import-panel", open: true }, h("summary", {}, h("h2", {}, t("importArticle"))), form);
}

function articleRow(a: ArticleListItem) {
  return h(
    "tr",
    {},
    h("td", { lang: a.language }, h("a", { href: `#/articles/${a.id}` }, a.title)),
    h("td", {}, h("span", { class: "lang-code" }, a.language)),
    h("td", {}, a.publisher ?? ""),
    h("td", { class: "cell-date" }, formatDate(a.publishedAt ?? a.createdAt, uiLanguage())),
    h("td", { class: "cell-num", "data-label": t("filterState") }, String(a.claimCount)),
  );
}

/** Render the article list for the filters in `query` (q, language, claims, offset). */
export function renderArticles(main: HTMLElement, query: URLSearchParams): ViewHandle {
  const q = query.get("q") ?? "";
  const language = query.get("language") ?? "";
  const claims = query.get("claims") ?? "";
  const offset = Number(query.get("offset") ?? 0) || 0;
  const search = h("input", { type: "search", name: "q", value: q });
  const langSelect = h(
    "select",
    { name: "language" },
    h("option", { value: "" }, t("allLanguages")),
    ["en", "ru", "kk"].map((l) => h("option", { value: l, selected: l === language }, l)),
  );
  const claimsSelect = h(
    "select",
    { name: "claims" },
    h("option", { value: "" }, t("anyClaims")),
    h("option", { value: "with", selected: claims === "with" }, t("withClaims")),
    h("option", { value: "without", selected: claims === "without" }, t("withoutClaims")),
  );
  const go = (nextOffset = 0) => {
    const p = new URLSearchParams();
    if (search.value.trim()) p.set("q", search.value.trim());
    if (langSelect.value) p.set("language", langSelect.value);
    if (claimsSelect.value) p.set("claims", claimsSelect.value);
    if (nextOffset) p.set("offset", String(nextOffset));
    location.hash = `#/articles${p.size ? `?${p}` : ""}`;
  };
  const filters = h(
    "form",
    { class: "filters", role: "search" },
    field(t("searchArticles"), search).wrap,
    field(t("language"), langSelect).wrap,
    field(t("filterState"), claimsSelect).wrap,
    h("div", { class: "field field-button" }, h("button", { type: "submit", class: "btn" }, t("search"))),
  );
  filters.addEventListener("submit", (e) => {
    e.preventDefault();
    go();
  });
  langSelect.addEventListener("change", () => go());
  claimsSelect.addEventListener("change", () => go());
  const list = h("div", { class: "panel", "aria-busy": "true" }, h("p", { class: "muted" }, t("loading")));
  const load = () =>
    unwrap(api.articles.$get({ query: { limit: String(pageSize), offset: String(offset), ...(q ? { q } : {}), ...(language ? { language } : {}) } }))
      .then(({ items, total }) => {
        // The claims filter applies to the page at hand: the list route has no such filter yet.
        const shown = items.filter((a) => (claims === "with" ? a.claimCount > 0 : claims === "without" ? a.claimCount === 0 : true));
        const pager = h(
          "nav",
          { class: "pager", "aria-label": t("articles") },
          h("button", { type: "button", class: "btn btn-small", disabled: offset === 0, onclick: (() => go(Math.max(0, offset - pageSize))) as EventListener }, t("previous")),
          h("span", { class: "muted" }, `${total ? offset + 1 : 0}–${Math.min(offset + pageSize, total)} / ${total}`),
          h("button", { type: "button", class: "btn btn-small", disabled: offset + pageSize >= total, onclick: (() => go(offset + pageSize)) as EventListener }, t("next")),
        );
        replace(
          list,
          shown.length === 0
            ? h("p", { class: "empty" }, t("empty"))
            : h(
                "table",
                { class: "table articles-table" },
                h("caption", { class: "visually-hidden" }, t("articles")),
                h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("sourceTitle")), h("th", { scope: "col" }, t("language")), h("th", { scope: "col" }, t("publisher")), h("th", { scope: "col" }, t("date")), h("th", { scope: "col", class: "cell-num" }, t("filterState")))),
                h("tbody", {}, shown.map(articleRow)),
              ),
          pager,
        );
        list.removeAttribute("aria-busy");
      })
      .catch((err) => replace(list, h("p", { class: "error", role: "alert" }, errorMessage(err))));
  replace(main, h("div", { class: "page-head" }, h("h1", {}, t("articles"))), h("div", { class: "articles-layout" }, h("div", {}, filters, list), importPanel(() => void load())));
  void load();
  return {};
}
