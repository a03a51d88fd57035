/**
 * "Update text": a corrected article, pasted or uploaded, becomes a new revision (PUT /api/articles/:id
 * with the article's version). What happened to each claim is shown by revision-outcome.ts.
 */
import { api, ApiError, errorMessage, unwrap, type ArticleResponse, type RevisionResult } from "../../lib/api";
import { field, h, replace } from "../../lib/dom";
import { t } from "../../lib/i18n";
import { formatOfFile } from "../articles";

type Format = "text" | "markdown" | "html";

/** The form; `onSaved` gets the server's answer (a new revision, or "unchanged"). */
export function updateTextForm(article: ArticleResponse, onSaved: (result: RevisionResult) => void, onCancel: () => void): HTMLElement {
  const text = h("textarea", { name: "corrected-text", rows: 14, class: "mono", lang: article.article.language, value: article.revision.text });
  const textField = field(t("correctedText"), text);
  const format = h("select", { name: "corrected-format" }, h("option", { value: "text" }, t("formatText")), h("option", { value: "markdown" }, t("formatMarkdown")), h("option", { value: "html" }, t("formatHtml")));
  const file = h("input", { type: "file", name: "corrected-file", accept: ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" });
  const fileField = field(t("uploadCorrected"), file);
  const error = h("div", { class: "form-error-host" });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("saveRevision"));
  const cancel = h("button", { type: "button", class: "btn" }, t("cancel"));
  cancel.addEventListener("click", onCancel);
  const form = h(
    "form",
    { class: "update-text-form", novalidate: true },
    h("p", { class: "hint" }, t("updateTextIntro")),
    textField.wrap,
    h("div", { class: "row" }, field(t("format"), format).wrap, fileField.wrap),
    error,
    h("div", { class: "row" }, submit, cancel),
  );

  async function send(body: string, fmt: Format) {
    replace(error);
    textField.setError(null);
    submit.disabled = true;
    try {
      const result = await unwrap(api.articles[":id"].$put({ param: { id: String(article.article.id) }, json: { version: article.article.version, text: body, format: fmt } }));
      onSaved(result);
    } catch (err) {
      const stale = err instanceof ApiError && err.code === "stale_version";
      const reload = stale ? h("button", { type: "button", class: "btn btn-small", onclick: (() => location.reload()) as EventListener }, t("reload")) : null;
      // What the person typed stays in the text box: a refusal never costs their edit.
      replace(error, h("p", { class: "form-error", role: "alert" }, errorMessage(err), " ", reload));
    } finally {
      submit.disabled = false;
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!text.value.trim()) return textField.setError(t("correctedText"));
    void send(text.value, format.value as Format);
  });
  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const fmt = formatOfFile(chosen.name);
    if (!fmt) return fileField.setError(t("uploadCorrected"));
    fileField.setError(null);
    // The file fills the text box first, so the person sees what will be sent and can still fix it.
    text.value = await chosen.text();
    format.value = fmt;
    file.value = "";
    text.focus();
  });
  return form;
}
