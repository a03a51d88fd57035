/** A claim's place in every revision of its article, and how each step was decided. */
import { api, errorMessage, unwrap, type AnchorHistoryStep } from "../../lib/api";
import { formatDate, h, replace } from "../../lib/dom";
import { t, uiLanguage, type MessageKey } from "../../lib/i18n";

/** One row: the revision, the words there (or none), the status, who or what decided it, how sure. */
function stepRow(step: AnchorHistoryStep, language: string): HTMLTableRowElement {
  const place =
    step.exact === null
      ? h("span", { class: "muted" }, t("historyNoPlace"))
      : h("span", {}, h("q", { lang: language }, step.exact), " ", h("span", { class: "muted" }, t("historyRange", { start: step.start ?? 0, end: step.end ?? 0 })));
  return h(
    "tr",
    { "data-method": step.method, "data-status": step.status },
    h("th", { scope: "row" }, t("revisionN", { n: step.revision })),
    h("td", {}, place),
    h("td", {}, t(`anchor_${step.status}` as MessageKey)),
    h("td", {}, t(`decidedBy_${step.method}` as MessageKey)),
    h("td", {}, `${Math.round(step.confidence * 100)}%`),
    h("td", {}, h("time", { datetime: step.at, class: "muted" }, formatDate(step.at, uiLanguage()))),
  );
}

/** The panel, loading the history when built. */
export function anchorHistoryPanel(claimId: number, language: string): HTMLElement {
  const body = h("div", { "aria-live": "polite" }, h("p", { class: "muted" }, t("loading")));
  void unwrap(api.claims[":id"]["anchor-history"].$get({ param: { id: String(claimId) } }))
    .then(({ steps }) =>
      replace(
        body,
        h(
          "table",
          { class: "anchor-history" },
          h("caption", { class: "hint" }, t("anchorHistoryHint")),
          h(
            "thead",
            {},
            h("tr", {}, ...["historyRevision", "historyPlace", "historyStatus", "historyDecidedBy", "historyConfidence", "historyWhen"].map((k) => h("th", { scope: "col" }, t(k as MessageKey)))),
          ),
          h("tbody", {}, steps.map((s) => stepRow(s, language))),
        ),
      ),
    )
    .catch((err) => replace(body, h("p", { class: "error", role: "alert" }, errorMessage(err))));
  return h("section", { class: "anchor-history-panel", "aria-labelledby": `anchor-history-${claimId}` }, h("h3", { id: `anchor-history-${claimId}` }, t("anchorHistoryTitle")), body);
}

/** A disclosure that loads the panel the first time it is opened: the claim panel's one hook. */
export function anchorHistoryDisclosure(claimId: number, language: string): HTMLDetailsElement {
  const details = h("details", { class: "anchor-history-toggle" }, h("summary", {}, t("showAnchorHistory")));
  details.addEventListener("toggle", () => {
    if (details.open && !details.querySelector(".anchor-history-panel")) details.appendChild(anchorHistoryPanel(claimId, language));
  });
  return details;
}
