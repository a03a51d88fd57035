/**
 * The side panel of one claim: its content (edited with autosave, or read), conflict resolution,
 * workflow decisions with four-eyes reasons, assignment, comments and history.
 */
import type { JSONContent } from "@tiptap/core";
import type { WorkflowAction } from "../../../schema/workflow";
import { decideTransition } from "../../../schema/workflow";
import { createRichText, type RichText } from "../editor/rich-text";
import { api, ApiError, errorMessage, unwrap, type ClaimDetail, type ClaimDetailResponse, type UserItem } from "../lib/api";
import { createAutosave, type Autosave, type SaveState } from "../lib/autosave";
import { verdictLabel } from "../lib/claim-label";
import { changedFields, mergeDrafts, type ClaimDraft, type DraftField } from "../lib/claim-merge";
import { draftFromClaim, isSourceUrl, payloadFromDraft } from "../lib/claim-payload";
import { field, formatDate, h, replace, showError, uid } from "../lib/dom";
import { t, uiLanguage, type MessageKey } from "../lib/i18n";
import { currentUser, isEditor, staff } from "../session";
import { claimBadge } from "./claim-table";
import { renderDiscussion } from "./claim-discussion";
import { createClaimForm, type ClaimForm } from "./claim-form";
import { anchorHistoryDisclosure } from "./anchor-history";

/** The open panel; close() saves what is unsaved first. */
export interface ClaimPanel {
  close(): Promise<void>;
}

interface PanelEvents {
  onChanged: () => void;
  onClose: () => void;
  /** Move focus into the form once it is shown (the claim was just created). */
  focusForm?: boolean;
}

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

/** Is `action` possible for someone in this claim's state? (Who may take it is the server's `actions`.) */
function actionApplies(claim: ClaimDetail, action: WorkflowAction) {
  return decideTransition({ id: -1, role: "admin" }, { state: claim.state, authorId: -2, lastEditedBy: -2, assigneeId: null }, action).ok;
}

/** Open claim `claimId` in `host`. */
export function openClaimPanel(host: HTMLElement, claimId: number, events: PanelEvents): ClaimPanel {
  let detail: ClaimDetailResponse | undefined;
  let version = 0;
  let base: ClaimDraft | undefined;
  let autosave: Autosave | undefined;
  let form: ClaimForm | undefined;
  let readView: RichText | undefined;
  let editToggle = false;
  let headBadge: HTMLElement | undefined;
  let closed = false;
  const panel = h("section", { class: "panel claim-panel", "aria-labelledby": `claim-${claimId}-title` }, h("p", { class: "muted" }, t("loading")));
  replace(host, panel);

  const statusText: Record<SaveState, MessageKey> = { saved: "saved", unsaved: "unsaved", saving: "saving", error: "saveError", conflict: "conflictState" };
  const status = h("p", { class: "save-status", role: "status", "aria-live": "polite", "data-state": "saved" });
  const setStatus = (s: SaveState, message?: string) => {
    status.dataset.state = s;
    status.textContent = t(statusText[s], { message: message ?? "" });
  };
  const conflictBox = h("div", { class: "conflict-host" });

  async function save() {
    const draft = form!.collect();
    const { payload, problems } = payloadFromDraft(draft);
    form!.showProblems(problems);
    if (problems.length) return { ok: false as const, conflict: false, message: t("urlInvalid") };
    try {
      const { claim } = await unwrap(api.claims[":id"].$patch({ param: { id: String(claimId) }, json: { version, ...payload } }));
      version = claim.version;
      base = draftFromClaim(claim);
      form!.learnClaimant(claim.claimant);
      if (detail) detail = { ...detail, claim };
      const fresh = claimBadge(claim.ratingKey, claim.state);
      headBadge?.replaceWith(fresh);
      headBadge = fresh;
      events.onChanged();
      return { ok: true as const };
    } catch (err) {
      if (err instanceof ApiError && err.code === "stale_version") {
        await showConflict();
        return { ok: false as const, conflict: true, message: err.message };
      }
      return { ok: false as const, conflict: false, message: errorMessage(err) };
    }
  }

  async function showConflict() {
    const latest = await unwrap(api.claims[":id"].$get({ param: { id: String(claimId) } }));
    const theirs = draftFromClaim(latest.claim);
    const people = await staff();
    const who = people.find((u) => u.id === latest.claim.lastEditedBy)?.name ?? "?";
    const mineNow = form!.collect();
    const fields = [...new Set([...changedFields(base!, theirs), ...changedFields(base!, mineNow)])];
    const both = fields.filter((f) => changedFields(base!, theirs).includes(f) && changedFields(base!, mineNow).includes(f));
    const resolve = (choice: "mine" | "theirs" | "merge") => {
      const mine = form!.collect(); // whatever was typed while the dialog was open
      version = latest.claim.version;
      const oldBase = base!;
      base = theirs;
      if (choice === "theirs") {
        form!.setDraft(theirs);
        replace(conflictBox, h("details", { class: "notice notice-warn discarded" }, h("summary", {}, t("yours")), h("pre", {}, fields.map((f) => `${t(fieldLabel[f])}:\n${summary(mine, f)}`).join("\n\n"))));
        autosave!.reset(false);
      } else {
        if (choice === "merge") form!.setDraft(mergeDrafts(oldBase, mine, theirs).merged);
        replace(conflictBox);
        autosave!.reset(true);
      }
      events.onChanged();
    };
    const titleId = uid("conflict");
    const button = (label: string, choice: "mine" | "theirs" | "merge", cls = "btn") => {
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

  function decisionSection(claim: ClaimDetail, actions: ClaimDetailResponse["actions"]) {
    const shown = actions.filter((a) => actionApplies(claim, a.action));
    if (shown.length === 0) return null;
    const error = h("p", { class: "form-error", role: "alert", hidden: true });
    const needsComment = shown.some((a) => a.action === "request_changes" && a.allowed);
    const needsReason = shown.some((a) => (a.action === "correct" || a.action === "retract") && a.allowed);
    const comment = field(t("commentForChanges"), h("textarea", { name: "decisionComment", rows: 3 }));
    const reason = field(t("reasonForCorrection"), h("textarea", { name: "decisionReason", rows: 2 }));
    async function act(action: WorkflowAction, button: HTMLButtonElement) {
      showError(error, null);
      comment.setError(null);
      reason.setError(null);
      const text = comment.control.value.trim();
      const why = reason.control.value.trim();
      if (action === "request_changes" && !text) return comment.setError(t("commentForChanges"));
      if ((action === "correct" || action === "retract") && !why) return reason.setError(t("reasonForCorrection"));
      button.disabled = true;
      try {
        if (autosave) {
          const state = await autosave.flush();
          if (state !== "saved") throw new Error(status.textContent ?? t("unsaved"));
        }
        await unwrap(
          api.claims[":id"].transitions.$post({
            param: { id: String(claimId) },
            json: { action, version, ...(action === "request_changes" && text ? { comment: text } : {}), ...(why && (action === "correct" || action === "retract") ? { reason: why } : {}) },
          }),
        );
        events.onChanged();
        await load();
      } catch (err) {
        showError(error, errorMessage(err));
        button.disabled = false;
      }
    }
    return h(
      "section",
      { class: "decisions", "aria-labelledby": `decisions-${claimId}` },
      h("h3", { id: `decisions-${claimId}` }, t("decisions")),
      needsComment ? comment.wrap : null,
      needsReason ? reason.wrap : null,
      h(
        "div",
        { class: "actions" },
        shown.map((a) => {
          const reasonId = uid("why");
          const b = h(
            "button",
            { type: "button", class: `btn ${a.action === "approve" || a.action === "publish" || a.action === "submit" ? "btn-primary" : ""}`, "data-action": a.action, disabled: !a.allowed, "aria-describedby": a.allowed ? null : reasonId },
            t(`act_${a.action}` as MessageKey),
          );
          b.addEventListener("click", () => void act(a.action, b));
          return h("div", { class: "action" }, b, a.allowed ? null : h("p", { class: "reason", id: reasonId }, a.reason));
        }),
      ),
      error,
    );
  }

  /** Delete a draft, at the version this panel last saved or loaded (409 if someone saved since). */
  function deleteSection(deletable: ClaimDetailResponse["deletable"]) {
    if (!deletable.ok) return null;
    const error = h("p", { class: "form-error", role: "alert", hidden: true });
    const button = h("button", { type: "button", class: "btn btn-small btn-danger", "data-action": "delete" }, t("deleteDraft"));
    button.addEventListener("click", async () => {
      if (!window.confirm(t("deleteDraftConfirm"))) return;
      showError(error, null);
      try {
        if (autosave && (await autosave.flush()) !== "saved") throw new Error(status.textContent ?? t("unsaved"));
        await unwrap(api.claims[":id"].$delete({ param: { id: String(claimId) }, json: { version } }));
        closed = true;
        teardown();
        events.onChanged();
        events.onClose();
      } catch (err) {
        showError(error, errorMessage(err));
      }
    });
    return h("div", { class: "delete-draft" }, button, error);
  }

  function assignSection(claim: ClaimDetail, people: UserItem[]) {
    if (!isEditor()) return null;
    const select = h(
      "select",
      { name: "assignee" },
      h("option", { value: "" }, t("unassigned")),
      people.filter((u) => !u.disabledAt).map((u) => h("option", { value: String(u.id), selected: u.id === claim.assigneeId }, `${u.name} (${u.role})`)),
    );
    const f = field(t("assignee"), select);
    const button = h("button", { type: "button", class: "btn btn-small" }, t("assign"));
    button.addEventListener("click", async () => {
      f.setError(null);
      try {
        await unwrap(api.claims[":id"].assign.$post({ param: { id: String(claimId) }, json: { version, assigneeId: select.value ? Number(select.value) : null } }));
        events.onChanged();
        await load();
      } catch (err) {
        f.setError(errorMessage(err));
      }
    });
    return h("div", { class: "assign row" }, f.wrap, h("div", { class: "field field-button" }, button));
  }

  function readOnlyContent(claim: ClaimDetail) {
    readView = createRichText({ content: claim.explanation as JSONContent | null, labelledBy: `expl-${claimId}`, editable: false, onChange: () => undefined });
    return h(
      "dl",
      { class: "claim-read" },
      h("dt", {}, t("claimant")),
      h("dd", {}, claim.claimant?.name ?? "—"),
      h("dt", {}, t("verdict")),
      h("dd", {}, verdictLabel(claim.ratingKey, uiLanguage())),
      h("dt", { id: `expl-${claimId}` }, t("explanation")),
      h("dd", {}, readView.element),
      h("dt", {}, t("sources")),
      h(
        "dd",
        {},
        claim.sources.length
          ? h(
              "ol",
              { class: "source-read" },
              claim.sources.map((s) =>
                h(
                  "li",
                  {},
                  isSourceUrl(s.url) ? h("a", { href: s.url, target: "_blank", rel: "noopener noreferrer" }, s.title || s.url) : s.url,
                  s.publisher ? h("span", { class: "muted" }, ` — ${s.publisher}`) : null,
                  s.publishedAt ? h("span", { class: "muted" }, `, ${s.publishedAt}`) : null,
                  s.quote ? h("blockquote", {}, s.quote) : null,
                ),
              ),
            )
          : "—",
      ),
    );
  }

  function teardown() {
    autosave?.dispose();
    form?.destroy();
    readView?.destroy();
    autosave = undefined;
    form = undefined;
    readView = undefined;
  }

  async function load() {
    const [d, people] = await Promise.all([unwrap(api.claims[":id"].$get({ param: { id: String(claimId) } })), staff()]);
    if (closed) return;
    teardown();
    detail = d;
    const { claim, actions, editable, deletable } = d;
    version = claim.version;
    base = draftFromClaim(claim);
    const me = currentUser();
    const nameOf = (id: number | null) => people.find((u) => u.id === id)?.name ?? (id ? `#${id}` : t("unassigned"));
    const reviewing = isEditor() && claim.state === "in_review" && claim.authorId !== me.id && !editToggle;
    const editing = editable.ok && !reviewing;

    let body: HTMLElement;
    if (editing) {
      form = createClaimForm(base, () => autosave?.changed());
      autosave = createAutosave({ delayMs: 800, save, onState: setStatus });
      setStatus("saved");
      body = h("div", {}, status, conflictBox, form.element);
    } else {
      const edit =
        editable.ok && reviewing
          ? h("button", { type: "button", class: "btn btn-small", onclick: (() => { editToggle = true; void load(); }) as EventListener }, t("edit"))
          : null;
      body = h("div", {}, !editable.ok ? h("p", { class: "notice" }, t("readOnly", { reason: editable.reason })) : null, readOnlyContent(claim), edit);
    }
    const close = h("button", { type: "button", class: "btn btn-quiet btn-small", "aria-label": t("close") }, "✕");
    close.addEventListener("click", events.onClose);
    replace(
      panel,
      h(
        "div",
        { class: "claim-head" },
        h("h2", { id: `claim-${claimId}-title` }, `${t("claim")} #${claim.id}`),
        (headBadge = claimBadge(claim.ratingKey, claim.state)),
        close,
      ),
      h("blockquote", { class: "claim-quote", lang: claim.article.language }, claim.exact),
      claim.anchorStatus !== "anchored" ? h("p", { class: "notice notice-warn" }, t("anchorWarning", { status: claim.anchorStatus })) : null,
      anchorHistoryDisclosure(claim.id, claim.article.language),
      h("p", { class: "muted claim-meta" }, `${t("author")}: ${nameOf(claim.authorId)} · ${t("assignee")}: ${nameOf(claim.assigneeId)} · ${t("updated")}: ${formatDate(claim.updatedAt, uiLanguage())}`),
      body,
      decisionSection(claim, actions),
      assignSection(claim, people),
      deleteSection(deletable),
      renderDiscussion(claimId, people),
    );
    if (events.focusForm && form) {
      events.focusForm = false;
      form.focus();
    }
  }

  load().catch((err) => replace(panel, h("p", { class: "error", role: "alert" }, errorMessage(err))));

  return {
    async close() {
      if (autosave && autosave.state !== "conflict") await autosave.flush();
      closed = true;
      teardown();
    },
  };
}
