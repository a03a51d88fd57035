/** The claim form's claimant: a native datalist gives accessible autocomplete; a name with no match creates a claimant on save. */
import { api, unwrap } from "../../lib/api";
import type { ClaimDraft } from "../../lib/claim-merge";
import { field, h, replace, uid } from "../../lib/dom";
import { t } from "../../lib/i18n";

const sameName = (a: string, b: string) => a.trim().toLowerCase().replace(/\s+/g, " ") === b.trim().toLowerCase().replace(/\s+/g, " ");

/** The claimant field's handle. */
export interface ClaimantField {
  /** The field, the "new claimant" note, the kind of a new claimant, and the datalist, in that order. */
  elements: HTMLElement[];
  /** The claimant as typed: a known one with its id, a new one with its kind, or null. */
  value(): ClaimDraft["claimant"];
  set(claimant: ClaimDraft["claimant"]): void;
  /** The server resolved a new claimant's name to an id. */
  learn(claimant: { id: number; name: string } | null): void;
  /** Look up claimants like the name typed, for the autocomplete. */
  search(): Promise<void>;
  focus(): void;
}

/** Build the field, showing claimant id `initialId`; `onChange` runs on every edit. */
export function createClaimantField(initialId: number | null, onChange: () => void): ClaimantField {
  const known = new Map<string, { id: number; name: string; kind: string }>();
  let claimantId: number | null = initialId;
  const listId = uid("claimants");
  const datalist = h("datalist", { id: listId });
  const input = h("input", { type: "text", name: "claimant", list: listId, autocomplete: "off", placeholder: t("claimantPlaceholder"), maxlength: 200 });
  const kindSelect = h("select", { name: "claimantKind" }, h("option", { value: "person" }, t("person")), h("option", { value: "organization" }, t("organization")));
  const newNote = h("p", { class: "hint new-claimant", hidden: true });
  const kindField = field(t("claimantKind"), kindSelect);
  const claimantField = field(t("claimant"), input);
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  function resolve() {
    const name = input.value;
    const match = [...known.values()].find((c) => sameName(c.name, name));
    claimantId = match ? match.id : null;
    const isNew = !!name.trim() && !match;
    newNote.hidden = !isNew;
    newNote.textContent = isNew ? t("createClaimant", { name: name.trim() }) : "";
    kindField.wrap.hidden = !isNew;
  }
  async function search() {
    const { items } = await unwrap(api.claimants.$get({ query: { q: input.value.trim(), limit: "10" } })).catch(() => ({ items: [] }));
    for (const c of items) known.set(c.name, c);
    replace(datalist, items.map((c) => h("option", { value: c.name })));
    resolve();
  }
  input.addEventListener("input", () => {
    resolve();
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void search(), 150);
    onChange();
  });
  kindSelect.addEventListener("change", onChange);

  return {
    elements: [claimantField.wrap, newNote, kindField.wrap, datalist],
    value: () => (input.value.trim() ? { id: claimantId, name: input.value.trim(), ...(claimantId ? {} : { kind: kindSelect.value as "person" | "organization" }) } : null),
    set(claimant) {
      input.value = claimant?.name ?? "";
      if (claimant?.id) known.set(claimant.name, { id: claimant.id, name: claimant.name, kind: claimant.kind ?? "person" });
      kindSelect.value = claimant?.kind ?? "person";
      resolve();
      if (claimant?.id) claimantId = claimant.id;
    },
    learn(c) {
      if (!c) return;
      known.set(c.name, { ...c, kind: "person" });
      if (sameName(c.name, input.value)) resolve();
    },
    search,
    focus: () => input.focus(),
  };
}
