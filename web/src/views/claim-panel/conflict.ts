/**
 * The conflict dialog: someone saved the claim since this panel last did. Their version and yours side
 * by side, field by field, with "Merge", "Keep mine" and "Take theirs".
 */
import { api, unwrap } from "../../lib/api";
import { verdictLabel } from "../../lib/claim-label";
import { changedFields, mergeDrafts, type ClaimDraft, type DraftField } from "../../lib/claim-merge";
import { draftFromClaim } from "../../lib/claim-payload";
import { h, replace, uid } from "../../lib/dom";
import { t, uiLanguage, type MessageKey } from "../../lib/i18n";
import { staff } from "../../session";
import type { PanelState } from "./panel-state";

type Choice = "mine" | "theirs" | "merge";

const fieldLabel: Record<DraftField, MessageKey> = { claimant: "claimant", ratingKey: "verdict", explanation: "explanation", sources: "sources" };

/** Plain text of a Tiptap doc, paragraphs on their own lines. */
function docText(doc: unknown): string {
  const out: string[] = [];
  const walk = (node: { type?: string; text?: string; content?: unknown[] }) => {
    if (node.text) out.push(node.text);
    for (const child of node.content ?? []) walk(child as typeof node);
    if (node.type === "paragraph") out.push("\n");
  };
  if (doc) walk(doc as Parameters<typeof walk>[0]);
  return out.join("").trim();
}

/** One field of a draft as text, for the side-by-side conflict view. */
function summary(draft: ClaimDraft, f: DraftField): string {
  if (f === "claimant") return draft.claimant?.name ?? "—";
  if (f === "ratingKey") return verdictLabel(draft.ratingKey, uiLanguage());
  if (f === "explanation") return docText(draft.explanation) || "—";
  return draft.sources.map((s, i) => `${i + 1}. ${s.url}${s.title ? ` — ${s.title}` : ""}`).join("\n") || "—";
}

/** Fetch the latest claim and show the dialog in the panel's conflict host; the choice carries on from the latest version. */
export async function showConflict(state: PanelState) {
  const { claimId, conflictBox } = state;
  const latest = await unwrap(api.claims[":id"].$get({ param: { id: String(claimId) } }));
  const theirs = draftFromClaim(latest.claim);
  const people = await staff();
  const who = people.find((u) => u.id === latest.claim.lastEditedBy)?.name ?? "?";
  const mineNow = state.form!.collect();
  const fields = [...new Set([...changedFields(state.base!, theirs), ...changedFields(state.base!, mineNow)])];
  const both = fields.filter((f) => changedFields(state.base!, theirs).includes(f) && changedFields(state.base!, mineNow).includes(f));
  const resolve = (choice: Choice) => {
    const mine = state.form!.collect(); // whatever was typed while the dialog was open
    state.version = latest.claim.version;
    const oldBase = state.base!;
    state.base = theirs;
    if (choice === "theirs") {
      state.form!.setDraft(theirs);
      replace(conflictBox, h("details", { class: "notice notice-warn discarded" }, h("summary", {}, t("yours")), h("pre", {}, fields.map((f) => `${t(fieldLabel[f])}:\n${summary(mine, f)}`).join("\n\n"))));
      state.autosave!.reset(false);
    } else {
      if (choice === "merge") state.form!.setDraft(mergeDrafts(oldBase, mine, theirs).merged);
      replace(conflictBox);
      state.autosave!.reset(true);
    }
    state.events.onChanged();
  };
  const titleId = uid("conflict");
  const button = (label: string, choice: Choice, cls = "btn") => {
    const b = h("button", { type: "button", class: cls, "data-choice": choice }, label);
    b.addEventListener("click", () => resolve(choice));
    return b;
  };
  replace(
    conflictBox,
    h(
      "div",
      { class: "conflict", role: "alertdialog", "aria-labelledby": titleId },
      h("h3", { id: titleId }, t("conflictTitle")),
      h("p", {}, t("conflictIntro", { name: who })),
      both.length ? h("p", { class: "muted" }, t("conflictFields", { fields: both.map((f) => t(fieldLabel[f])).join(", ") })) : null,
      h(
        "table",
        { class: "table conflict-table" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, ""), h("th", { scope: "col" }, t("theirs")), h("th", { scope: "col" }, t("yours")))),
        h(
          "tbody",
          {},
          fields.map((f) => h("tr", {}, h("th", { scope: "row" }, t(fieldLabel[f])), h("td", { class: "theirs" }, summary(theirs, f)), h("td", { class: "yours" }, summary(mineNow, f)))),
        ),
      ),
      h("div", { class: "row" }, button(t("merge"), "merge", "btn btn-primary"), button(t("keepMine"), "mine"), button(t("takeTheirs"), "theirs")),
    ),
  );
  conflictBox.querySelector<HTMLButtonElement>("button")?.focus();
}
