/**
 * The article's details: title, outlet, original URL, author and publication date, prefilled with what
 * is stored (what the import detected from the text, or a person set), saved at the version last seen.
 */
import { api, errorMessage, unwrap, type ArticleResponse } from "../../lib/api";
import { field, h, showError } from "../../lib/dom";
import { t } from "../../lib/i18n";

/** The form for `a`; `saved` runs after a save. */
export function detailsForm(a: ArticleResponse, saved: () => Promise<void>): HTMLElement {
  const article = a.article as ArticleResponse["article"] & { author?: string | null };
  const input = (name: string, value: string | null | undefined, type = "text") => h("input", { type, name, value: value ?? "", maxlength: name === "title" ? 500 : 200 });
  const title = field(t("detailTitle"), input("title", article.title));
  const publisher = field(t("detailPublisher"), input("publisher", article.publisher));
  const sourceUrl = field(t("detailSourceUrl"), input("sourceUrl", article.sourceUrl, "url"));
  const author = field(t("detailAuthor"), input("author", article.author));
  const date = field(t("detailPublishedAt"), input("publishedAt", article.publishedAt?.slice(0, 10), "date"));
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const status = h("p", { class: "muted", role: "status", "data-details-status": "" });
  const save = h("button", { type: "submit", class: "btn btn-primary", "data-action": "save-details" }, t("saveDetails"));
  const form = h("form", { class: "details-form", novalidate: true }, h("p", { class: "hint" }, t("detailsHint")), title.wrap, publisher.wrap, sourceUrl.wrap, author.wrap, date.wrap, h("div", { class: "row" }, save), status, error);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    showError(error, null);
    status.textContent = "";
    const value = (f: { control: HTMLInputElement }) => f.control.value.trim() || null;
    save.disabled = true;
    try {
      await unwrap(
        api.articles[":id"].metadata.$patch({
          param: { id: String(article.id) },
          json: { version: article.version, title: value(title) ?? article.title, publisher: value(publisher), sourceUrl: value(sourceUrl), author: value(author), publishedAt: value(date) },
        }),
      );
      await saved();
    } catch (err) {
      showError(error, errorMessage(err));
      save.disabled = false;
    }
  });
  return form;
}
