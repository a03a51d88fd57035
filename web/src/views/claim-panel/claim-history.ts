/** A claim's history as readable entries: one person's saves grouped, with what changed (see lib/history-entries.ts). */
import type { WorkflowAction } from "../../../../schema/workflow";
import { workflowActions } from "../../../../schema/workflow";
import { stateLabel, verdictLabel } from "../../lib/claim-label";
import { formatDate, h } from "../../lib/dom";
import { historyEntries, type AuditItem, type HistoryEntry } from "../../lib/history-entries";
import { t, uiLanguage, type MessageKey } from "../../lib/i18n";

const named: Record<string, MessageKey> = {
  "claim.create": "hist_create",
  "comment.create": "hist_comment",
  "claim.assign": "hist_assign",
  "claim.reanchor": "hist_reanchor",
  "claim.claimant_merge": "hist_claimantMerge",
};

function eventLabel(e: AuditItem): string {
  const verb = e.action.replace(/^claim\./, "");
  const from = (e.before as { state?: string } | null)?.state;
  const to = (e.after as { state?: string } | null)?.state;
  if ((workflowActions as readonly string[]).includes(verb)) {
    const label = t(`act_${verb as WorkflowAction}` as MessageKey);
    return from && to ? `${label}: ${stateLabel(from)} → ${stateLabel(to)}` : label;
  }
  if (e.action === "claim.claimant_merge") {
    const b = e.before as { claimantName?: string } | null;
    const a = e.after as { claimantName?: string } | null;
    return t("hist_claimantMerge", { from: b?.claimantName ?? "—", to: a?.claimantName ?? "—" });
  }
  return named[e.action] ? t(named[e.action]!) : e.action;
}

function editDetails(entry: HistoryEntry): HTMLElement[] {
  const parts: HTMLElement[] = [];
  const verdict = (key: string | null) => (key ? verdictLabel(key, uiLanguage()) : t("noVerdict"));
  if (entry.verdict) parts.push(h("p", { "data-change": "verdict" }, t("hist_verdict", { from: verdict(entry.verdict.before), to: verdict(entry.verdict.after) })));
  if (entry.claimantChanged) parts.push(h("p", { "data-change": "claimant" }, t("hist_claimant")));
  if (entry.sourcesAdded.length) parts.push(h("p", { "data-change": "sources-added" }, t("hist_sourcesAdded"), " ", entry.sourcesAdded.join(", ")));
  if (entry.sourcesRemoved.length) parts.push(h("p", { "data-change": "sources-removed" }, t("hist_sourcesRemoved"), " ", entry.sourcesRemoved.join(", ")));
  if (entry.explanation)
    parts.push(
      h(
        "p",
        { "data-change": "explanation" },
        t("hist_explanation"),
        " ",
        entry.explanation.map((p) => (p.added ? h("ins", {}, p.text) : p.removed ? h("del", {}, p.text) : p.text)),
      ),
    );
  return parts;
}

/** The history list items for `events` (oldest first); `nameOf` names a user id. */
export function historyItems(events: readonly AuditItem[], nameOf: (id: number | null) => string): HTMLElement[] {
  return historyEntries(events).map((entry) => {
    const when = h("time", { datetime: entry.to, class: "muted" }, formatDate(entry.to, uiLanguage()));
    if (entry.kind === "event") return h("li", { "data-action": entry.event!.action }, when, " ", h("strong", {}, nameOf(entry.actorId)), " ", eventLabel(entry.event!));
    const details = editDetails(entry);
    return h(
      "li",
      { "data-action": "claim.update", "data-saves": entry.saves },
      when,
      " ",
      h("strong", {}, nameOf(entry.actorId)),
      " ",
      t(entry.saves > 1 ? "hist_editedMany" : "hist_edited", { count: String(entry.saves) }),
      details.length ? h("div", { class: "history-changes" }, details) : null,
    );
  });
}
