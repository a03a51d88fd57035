/** The revisions of an article: the list, each one's text, and a word diff marked with <ins>/<del> and words. */
import { api, errorMessage, unwrap, type RevisionItem } from "../../lib/api";
import { condenseDiff, diffStats, type DiffPart } from "../../lib/diff-view";
import { formatDate, h, replace } from "../../lib/dom";
import { t, uiLanguage } from "../../lib/i18n";

/** A diff as marked-up text: insertions and deletions each carry a spoken and visible label, not colour alone. */
export function renderDiff(from: number, to: number, parts: readonly DiffPart[], language: string): HTMLElement {
  const stats = diffStats(parts);
  const changed = stats.inserted + stats.deleted > 0;
  const label = (sign: string, word: string) => h("span", { class: "diff-label" }, `${sign} ${word}: `);
  return h(
    "section",
    { class: "diff", "aria-labelledby": `diff-${from}-${to}` },
    h("h3", { id: `diff-${from}-${to}` }, t("diffTitle", { from, to })),
    changed ? h("p", { class: "hint" }, t("diffStats", { ins: stats.inserted, del: stats.deleted }), " — ", t("diffLegend")) : h("p", { class: "muted" }, t("noDifferences")),
    changed
      ? h(
          "div",
          { class: "diff-text", lang: language },
          condenseDiff(parts).map((p) =>
            p.op === "insert"
              ? h("ins", {}, label("+", t("inserted")), p.text)
              : p.op === "delete"
                ? h("del", {}, label("−", t("deleted")), p.text)
                : h("span", { class: p.elided ? "diff-equal is-elided" : "diff-equal" }, p.text),
          ),
        )
      : null,
  );
}

/** The panel, loading its list when built; `currentNumber` is the revision on screen. */
export function revisionsPanel(articleId: number, language: string, currentNumber: number): HTMLElement {
  const list = h("ol", { class: "revision-list", reversed: true }, h("li", { class: "muted" }, t("loading")));
  const detail = h("div", { class: "revision-detail", "aria-live": "polite" });
  const param = (n: number) => ({ id: String(articleId), number: String(n) });

  async function showDiff(n: number) {
    replace(detail, h("p", { class: "muted" }, t("loading")));
    try {
      const diff = await unwrap(api.articles[":id"].revisions[":number"].diff.$get({ param: param(n), query: { against: String(n - 1) } }));
      replace(detail, renderDiff(diff.from, diff.to, diff.parts as DiffPart[], language));
    } catch (err) {
      replace(detail, h("p", { class: "error", role: "alert" }, errorMessage(err)));
    }
  }

  async function showText(n: number) {
    replace(detail, h("p", { class: "muted" }, t("loading")));
    try {
      const { revision } = await unwrap(api.articles[":id"].revisions[":number"].$get({ param: param(n) }));
      replace(detail, h("section", { class: "revision-text" }, h("h3", {}, t("revisionN", { n })), h("div", { class: "diff-text", lang: language }, revision.text)));
    } catch (err) {
      replace(detail, h("p", { class: "error", role: "alert" }, errorMessage(err)));
    }
  }

  const item = (r: RevisionItem) => {
    const diff = r.number > 1 ? h("button", { type: "button", class: "btn btn-small", "data-diff": r.number }, t("compareWithPrevious", { n: r.number - 1 })) : null;
    diff?.addEventListener("click", () => void showDiff(r.number));
    const text = h("button", { type: "button", class: "btn btn-small btn-quiet", "data-text": r.number }, t("showText"));
    text.addEventListener("click", () => void showText(r.number));
    return h(
      "li",
      { class: r.number === currentNumber ? "is-current" : null },
      h("strong", {}, t("revisionN", { n: r.number })),
      r.number === currentNumber ? h("span", { class: "badge" }, t("currentRevision")) : null,
      " ",
      h("time", { datetime: r.createdAt, class: "muted" }, formatDate(r.createdAt, uiLanguage())),
      h("span", { class: "revision-actions" }, diff, text),
    );
  };

  void unwrap(api.articles[":id"].revisions.$get({ param: { id: String(articleId) } }))
    .then(({ items }) => {
      replace(list, items.map(item));
      // The newest change is what a person opening this panel almost always wants to see.
      if (items.length > 1) void showDiff(items[0].number);
    })
    .catch((err) => replace(list, h("li", { class: "error", role: "alert" }, errorMessage(err))));
  return h("div", { class: "revisions" }, list, detail);
}
