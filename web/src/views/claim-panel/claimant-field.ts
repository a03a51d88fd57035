/**
 * The claim form's claimant: a native datalist gives accessible autocomplete. A typed name is a draft
 * of the form: the claim keeps its claimant until a person picks a known one, clears the field, or
 * creates a new one with "Create new claimant" (or Enter). Autosave never creates a claimant.
 */
import { foldKey } from "../../../../schema/text/fold";
import { api, errorMessage, unwrap } from "../../lib/api";
import type { ClaimDraft } from "../../lib/claim-merge";
import { field, h, replace, showError, uid } from "../../lib/dom";
import { t } from "../../lib/i18n";

type Kind = "person" | "organization";
type Known = { id: number; name: string; kind: string };

/** The claimant field's handle. */
export interface ClaimantField {
  /** The field, the "create new claimant" box (with the kind), and the datalist, in that order. */
  elements: HTMLElement[];
  /** The claimant the claim has: a known one, or null. Never a name still being typed. */
  value(): ClaimDraft["claimant"];
  set(claimant: ClaimDraft["claimant"]): void;
  /** The server returned the claim's claimant. */
  learn(claimant: { id: number; name: string } | null): void;
  /** Look up claimants like the name typed, for the autocomplete. */
  search(): Promise<void>;
  focus(): void;
}

/** Build the field, showing claimant id `initialId`; `onChange` runs when the claimant changes. */
export function createClaimantField(initialId: number | null, onChange: () => void): ClaimantField {
  const known = new Map<string, Known>();
  let chosen: { id: number; name: string } | null = null;
  const listId = uid("claimants");
  const datalist = h("datalist", { id: listId });
  const input = h("input", { type: "text", name: "claimant", list: listId, autocomplete: "off", placeholder: t("claimantPlaceholder"), maxlength: 200 });
  const kindSelect = h("select", { name: "claimantKind" }, h("option", { value: "person" }, t("person")), h("option", { value: "organization" }, t("organization")));
  const kindField = field(t("claimantKind"), kindSelect);
  const createButton = h("button", { type: "button", class: "btn btn-small", "data-action": "create-claimant" });
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const newBox = h("div", { class: "new-claimant", hidden: true }, h("p", { class: "hint", "data-draft-note": "" }, t("claimantDraftNote")), kindField.wrap, createButton, error);
  const claimantField = field(t("claimant"), input);
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  const match = (name: string) => [...known.values()].find((c) => foldKey(c.name) === foldKey(name));

  function choose(next: { id: number; name: string } | null) {
    const changed = (next?.id ?? null) !== (chosen?.id ?? null);
    chosen = next;
    if (changed) onChange();
  }

  /** What the typed name means: a known claimant (chosen at once), nothing (cleared), or a new name (a draft). */
  function resolve(commit: boolean) {
    const name = input.value.trim();
    const found = name ? match(name) : undefined;
    const isNew = !!name && !found;
    newBox.hidden = !isNew;
    createButton.textContent = isNew ? t("createClaimant", { name }) : "";
    input.setAttribute("aria-invalid", "false");
    if (!commit) return;
    if (found) choose({ id: found.id, name: found.name });
    else if (!name) choose(null);
  }

  async function search() {
    const { items } = await unwrap(api.claimants.$get({ query: { q: input.value.trim(), limit: "10" } })).catch(() => ({ items: [] as Known[] }));
    for (const c of items) known.set(c.name, c);
    replace(datalist, items.map((c) => h("option", { value: c.name })));
    resolve(true);
  }

  async function create() {
    const name = input.value.trim();
    if (!name || match(name)) return;
    showError(error, null);
    createButton.disabled = true;
    try {
      const res = await unwrap(api.claimants.$post({ json: { name, kind: kindSelect.value as Kind } }));
      known.set(res.claimant.name, res.claimant);
      input.value = res.claimant.name;
      resolve(true);
      input.focus();
    } catch (err) {
      showError(error, errorMessage(err));
    } finally {
      createButton.disabled = false;
    }
  }

  input.addEventListener("input", () => {
    resolve(true);
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void search(), 150);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !newBox.hidden) {
      e.preventDefault();
      void create();
    }
  });
  createButton.addEventListener("click", () => void create());

  return {
    elements: [claimantField.wrap, newBox, datalist],
    value: () => (chosen ? { id: chosen.id, name: chosen.name } : null),
    set(claimant) {
      input.value = claimant?.name ?? "";
      if (claimant?.id) known.set(claimant.name, { id: claimant.id, name: claimant.name, kind: claimant.kind ?? "person" });
      chosen = claimant?.id ? { id: claimant.id, name: claimant.name } : null;
      resolve(false);
    },
    learn(c) {
      if (c) known.set(c.name, { ...c, kind: known.get(c.name)?.kind ?? "person" });
    },
    search,
    focus: () => input.focus(),
  };
}
