/** The claim form's sources: each a fieldset of inputs; the list re-renders only on add and remove. */
import type { SourceDraft } from "../../lib/claim-merge";
import type { DraftProblem } from "../../lib/claim-payload";
import { field, h, replace } from "../../lib/dom";
import { t } from "../../lib/i18n";

const today = () => new Date().toISOString().slice(0, 10);
const emptySource = (): SourceDraft => ({ url: "", title: "", publisher: "", publishedAt: "", quote: "", accessedAt: today() });

/** The sources field's handle. */
export interface SourcesField {
  element: HTMLElement;
  /** A copy of the sources as typed. */
  value(): SourceDraft[];
  set(sources: SourceDraft[]): void;
  /** Mark the URLs that are not web addresses. */
  showProblems(problems: DraftProblem[]): void;
}

/** Build the field, empty until set; `onChange` runs on every edit. */
export function createSourcesField(onChange: () => void): SourcesField {
  let sources: SourceDraft[] = [];
  const sourceList = h("ol", { class: "source-list" });
  const urlErrors: ((m: string | null) => void)[] = [];
  function renderSources() {
    urlErrors.length = 0;
    replace(
      sourceList,
      sources.map((s, i) => {
        const input = (name: keyof SourceDraft, type = "text") => {
          const el = h("input", { type, name, value: s[name] ?? "", ...(type === "url" ? { inputmode: "url", placeholder: "https://" } : {}) });
          el.addEventListener("input", () => {
            sources[i] = { ...sources[i], [name]: el.value };
            if (name === "url") urlErrors[i]?.(null);
            onChange();
          });
          return el;
        };
        const quote = h("textarea", { name: "quote", rows: 2, value: s.quote });
        quote.value = s.quote;
        quote.addEventListener("input", () => {
          sources[i] = { ...sources[i], quote: quote.value };
          onChange();
        });
        const url = field(t("url"), input("url", "url"));
        urlErrors[i] = url.setError;
        const remove = h("button", { type: "button", class: "btn btn-small btn-danger", "aria-label": `${t("removeSource")} ${i + 1}` }, t("removeSource"));
        remove.addEventListener("click", () => {
          sources.splice(i, 1);
          renderSources();
          onChange();
          addButton.focus();
        });
        return h(
          "li",
          {},
          h(
            "fieldset",
            { class: "source" },
            h("legend", {}, t("source", { n: i + 1 })),
            url.wrap,
            h("div", { class: "row" }, field(t("sourceTitle"), input("title")).wrap, field(t("publisher"), input("publisher")).wrap, field(t("date"), input("publishedAt", "date")).wrap),
            field(t("quotedPassage"), quote).wrap,
            remove,
          ),
        );
      }),
    );
  }
  const addButton = h("button", { type: "button", class: "btn btn-small" }, "+ ", t("addSource"));
  addButton.addEventListener("click", () => {
    sources.push(emptySource());
    renderSources();
    sourceList.querySelector<HTMLInputElement>("li:last-child input[name=url]")?.focus();
  });

  return {
    element: h("fieldset", { class: "sources" }, h("legend", {}, t("sources")), sourceList, addButton),
    value: () => sources.map((s) => ({ ...s })),
    set(next) {
      sources = next.map((s) => ({ ...s }));
      renderSources();
    },
    showProblems(problems) {
      for (const p of problems) urlErrors[p.sourceIndex]?.(t("urlInvalid"));
    },
  };
}
