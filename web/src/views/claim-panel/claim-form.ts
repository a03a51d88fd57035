/** The claim's editable content as a form: claimant (autocomplete or new), verdict, explanation, sources. */
import type { JSONContent } from "@tiptap/core";
import { scale } from "../../lib/scale";
import { createRichText, type RichText } from "../../editor/rich-text";
import { api, unwrap } from "../../lib/api";
import type { ClaimDraft, SourceDraft } from "../../lib/claim-merge";
import type { DraftProblem } from "../../lib/claim-payload";
import { field, h, replace, uid } from "../../lib/dom";
import { t, uiLanguage } from "../../lib/i18n";

/** The form's handle. */
export interface ClaimForm {
  element: HTMLElement;
  /** The draft as the form holds it now. */
  collect(): ClaimDraft;
  /** Show a draft (after a conflict was resolved). */
  setDraft(draft: ClaimDraft): void;
  /** The server resolved a new claimant's name to an id. */
  learnClaimant(claimant: { id: number; name: string } | null): void;
  showProblems(problems: DraftProblem[]): void;
  /** Put the caret in the first field (a claim was just created). */
  focus(): void;
  destroy(): void;
}

const today = () => new Date().toISOString().slice(0, 10);
const emptySource = (): SourceDraft => ({ url: "", title: "", publisher: "", publishedAt: "", quote: "", accessedAt: today() });
const sameName = (a: string, b: string) => a.trim().toLowerCase().replace(/\s+/g, " ") === b.trim().toLowerCase().replace(/\s+/g, " ");

/** Build the form for `draft`; `onChange` runs on every edit. */
export function createClaimForm(draft: ClaimDraft, onChange: () => void): ClaimForm {
  // Claimant: a native datalist gives accessible autocomplete; a name with no match creates a claimant on save.
  const known = new Map<string, { id: number; name: string; kind: string }>();
  let claimantId: number | null = draft.claimant?.id ?? null;
  const listId = uid("claimants");
  const datalist = h("datalist", { id: listId });
  const claimantInput = h("input", { type: "text", name: "claimant", list: listId, autocomplete: "off", placeholder: t("claimantPlaceholder"), maxlength: 200 });
  const kindSelect = h("select", { name: "claimantKind" }, h("option", { value: "person" }, t("person")), h("option", { value: "organization" }, t("organization")));
  const newNote = h("p", { class: "hint new-claimant", hidden: true });
  const kindField = field(t("claimantKind"), kindSelect);
  const claimantField = field(t("claimant"), claimantInput);
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  function resolveClaimant() {
    const name = claimantInput.value;
    const match = [...known.values()].find((c) => sameName(c.name, name));
    claimantId = match ? match.id : null;
    const isNew = !!name.trim() && !match;
    newNote.hidden = !isNew;
    newNote.textContent = isNew ? t("createClaimant", { name: name.trim() }) : "";
    kindField.wrap.hidden = !isNew;
  }
  async function searchClaimants() {
    const { items } = await unwrap(api.claimants.$get({ query: { q: claimantInput.value.trim(), limit: "10" } })).catch(() => ({ items: [] }));
    for (const c of items) known.set(c.name, c);
    replace(datalist, items.map((c) => h("option", { value: c.name })));
    resolveClaimant();
  }
  claimantInput.addEventListener("input", () => {
    resolveClaimant();
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void searchClaimants(), 150);
    onChange();
  });
  kindSelect.addEventListener("change", onChange);

  const verdictSelect = h(
    "select",
    { name: "verdict" },
    h("option", { value: "" }, t("noVerdict")),
    scale().map((r) => h("option", { value: r.key }, r.labels[uiLanguage()])),
  );
  verdictSelect.addEventListener("change", onChange);

  const explanationLabel = uid("expl");
  const explanation: RichText = createRichText({ content: draft.explanation as JSONContent | null, labelledBy: explanationLabel, editable: true, onChange: () => onChange() });

  // Sources: each a fieldset of inputs; the list re-renders only on add and remove.
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

  function setDraft(d: ClaimDraft) {
    claimantInput.value = d.claimant?.name ?? "";
    if (d.claimant?.id) known.set(d.claimant.name, { id: d.claimant.id, name: d.claimant.name, kind: d.claimant.kind ?? "person" });
    kindSelect.value = d.claimant?.kind ?? "person";
    resolveClaimant();
    if (d.claimant?.id) claimantId = d.claimant.id;
    verdictSelect.value = d.ratingKey ?? "";
    explanation.setContent(d.explanation as JSONContent | null);
    sources = d.sources.map((s) => ({ ...s }));
    renderSources();
  }
  setDraft(draft);
  void searchClaimants();

  const element = h(
    "div",
    { class: "claim-form" },
    claimantField.wrap,
    newNote,
    kindField.wrap,
    datalist,
    field(t("verdict"), verdictSelect).wrap,
    h("div", { class: "field" }, h("span", { class: "label", id: explanationLabel }, t("explanation")), explanation.element),
    h("fieldset", { class: "sources" }, h("legend", {}, t("sources")), sourceList, addButton),
  );

  return {
    element,
    collect: () => ({
      claimant: claimantInput.value.trim() ? { id: claimantId, name: claimantInput.value.trim(), ...(claimantId ? {} : { kind: kindSelect.value as "person" | "organization" }) } : null,
      ratingKey: verdictSelect.value || null,
      explanation: explanation.getJSON() as ClaimDraft["explanation"],
      sources: sources.map((s) => ({ ...s })),
    }),
    setDraft,
    learnClaimant(c) {
      if (!c) return;
      known.set(c.name, { ...c, kind: "person" });
      if (sameName(c.name, claimantInput.value)) resolveClaimant();
    },
    showProblems(problems) {
      for (const p of problems) urlErrors[p.sourceIndex]?.(t("urlInvalid"));
    },
    focus: () => claimantInput.focus(),
    destroy: () => explanation.destroy(),
  };
}
