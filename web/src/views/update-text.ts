/**
 * "Update text": a corrected article, pasted or uploaded, becomes a new revision (PUT /api/articles/:id
 * with the article's version), and the outcome for every claim is shown: where it went and how sure.
 */
import { api, ApiError, errorMessage, unwrap, type ArticleClaim, type ArticleResponse, type RevisionResult } from "../lib/api";
import { field, h, replace } from "../lib/dom";
import { t, type MessageKey } from "../lib/i18n";
import { confidencePercent, outcomeCounts } from "../lib/claim-placement";
import { claimHash } from "../lib/router";
import { formatOfFile } from "./articles";

type Format = "text" | "markdown" | "html";

/** The label of an anchor status ("Changed"), in words. */
export const anchorLabel = (status: string) => t(`anchor_${status}` as MessageKey);

/** A status and confidence badge: the words carry the meaning, the colour only repeats it. */
export function anchorBadge(status: string, confidence: number | null | undefined) {
  const pct = confidencePercent(confidence);
  return h("span", { class: `badge anchor-${status}`, "data-anchor-status": status }, anchorLabel(status), pct !== null && (status === "changed" || status === "moved") ? ` · ${t("confidence", { n: pct })}` : null);
}

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

/** What happened to each claim in a new revision, worst first; `claims` are the article's claims before it. */
export function revisionOutcome(result: RevisionResult, claims: readonly ArticleClaim[], articleId: number, language: string): HTMLElement {
  if (result.unchanged) return h("p", { class: "notice", role: "status" }, t("textUnchanged"));
  const byId = new Map(claims.map((c) => [c.id, c]));
  const rank: Record<string, number> = { orphaned: 0, changed: 1, moved: 2, anchored: 3 };
  const rows = [...result.claims].sort((a, b) => (rank[a.anchor.status] ?? 9) - (rank[b.anchor.status] ?? 9));
  const summary = outcomeCounts(result.claims).map((r) => `${anchorLabel(r.status)}: ${r.count}`).join(" · ");
  return h(
    "section",
    { class: "notice notice-ok reanchor-outcome", role: "status", "aria-labelledby": "outcome-title" },
    h("h2", { id: "outcome-title" }, t("revisionSaved", { n: result.revision.number })),
    rows.length === 0
      ? h("p", {}, t("noClaimsToAnchor"))
      : [
          h("p", { class: "muted" }, summary),
          h(
            "table",
            { class: "table outcome-table" },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("claim")), h("th", { scope: "col" }, t("result")))),
            h(
              "tbody",
              {},
              rows.map((r) => {
                const quote = byId.get(r.id)?.exact ?? r.anchor.selector?.exact ?? "";
                return h(
                  "tr",
                  { "data-claim-id": r.id, "data-anchor-status": r.anchor.status },
                  h("td", { class: "cell-quote" }, h("a", { href: claimHash(articleId, r.id), lang: language }, `#${r.id} “${quote.length > 90 ? `${quote.slice(0, 89)}…` : quote}”`)),
                  h("td", {}, anchorBadge(r.anchor.status, r.anchor.confidence), h("p", { class: "hint" }, t(`anchorWhy_${r.anchor.status}` as MessageKey))),
                );
              }),
            ),
          ),
        ],
  );
}
