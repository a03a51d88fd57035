/**
 * "Already checked": beside the article, the fact-checks most like the text the checker selected, or
 * like the claim they opened or just created, from POST /api/match: this newsroom's public claims and
 * imported fact-checks of other organisations, each with its verdict, date and score. Ours link to the
 * claim; external ones to the organisation's page, and say whose they are.
 */
import { ratingLabel } from "../../../schema/rating-scale";
import { api, errorMessage, unwrap, type SimilarFactCheck } from "../lib/api";
import { formatDate, h, replace } from "../lib/dom";
import { t, uiLanguage } from "../lib/i18n";
import { claimHash } from "../lib/router";
import { scale } from "../lib/scale";
import { claimBadge } from "./claim-table";

/** A selection shorter than this is a word or two, not a claim: nothing is matched for it. */
const minSelection = 12;
/** Wait for the selection to settle (a drag fires selectionchange at every step). */
const settleMs = 400;

export interface AlreadyCheckedSlot {
  element: HTMLElement;
  /** Show the fact-checks like an open claim's quote (the claim itself left out). */
  forClaim(claimId: number, quote: string): void;
  destroy(): void;
}

function item(f: SimilarFactCheck) {
  const score = h("span", { class: "score" }, t("similarScore", { score: f.score.toFixed(2) }));
  const date = f.date ? h("time", { datetime: f.date }, formatDate(f.date.slice(0, 10), uiLanguage())) : null;
  if (f.kind === "ours" && f.article) {
    return h(
      "li",
      { class: "similar similar-ours" },
      h("a", { href: claimHash(f.article.id, f.id), lang: f.language ?? undefined }, `“${f.claim}”`),
      h("p", { class: "muted" }, claimBadge(f.rating, f.state ?? "published"), " ", t("ourFactCheck"), " · ", f.article.title, date ? " · " : null, date, " · ", score),
    );
  }
  // An external verdict is the organisation's own wording, shown as they wrote it; a key of our scale gets our label.
  const verdict = f.rating ? (scale().some((r) => r.key === f.rating) ? ratingLabel(f.rating, uiLanguage(), scale()) : f.rating) : null;
  return h(
    "li",
    { class: "similar similar-external" },
    f.url ? h("a", { href: f.url, target: "_blank", rel: "noopener noreferrer", lang: f.language ?? undefined }, `“${f.claim}”`) : h("span", { lang: f.language ?? undefined }, `“${f.claim}”`),
    h("p", { class: "muted" }, verdict ? h("span", { class: "badge tone-neutral" }, verdict) : null, " ", t("externalFactCheck", { org: f.organisation ?? "?" }), date ? " · " : null, date, " · ", score),
  );
}

/** Build the slot. `selection` reads the article's current selection (null when there is none). */
export function alreadyCheckedSlot(selection: () => string | null): AlreadyCheckedSlot {
  const subject = h("p", { class: "muted similar-subject" }, t("alreadyCheckedSelect"));
  const list = h("ul", { class: "similar-list" });
  const status = h("p", { class: "muted", role: "status", "aria-live": "polite" });
  const element = h("section", { class: "panel already-checked", "aria-labelledby": "already-checked-title" }, h("h2", { id: "already-checked-title" }, t("alreadyChecked")), subject, status, list);
  let shown = "";
  let request = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function show(text: string, excludeClaimId?: number) {
    const key = `${excludeClaimId ?? ""}:${text}`;
    if (key === shown) return;
    shown = key;
    const mine = ++request;
    subject.textContent = `“${text.length > 100 ? `${text.slice(0, 99)}…` : text}”`;
    status.textContent = t("loading");
    try {
      const { items } = await unwrap(api.match.$post({ json: { text, limit: 5, ...(excludeClaimId ? { excludeClaimId } : {}) } }));
      if (mine !== request) return; // a newer selection won
      replace(list, items.map(item));
      status.textContent = items.length ? "" : t("alreadyCheckedNone");
    } catch (err) {
      if (mine === request) status.textContent = errorMessage(err);
    }
  }

  const onSelection = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const text = selection()?.trim();
      if (text && text.length >= minSelection) void show(text);
    }, settleMs);
  };
  document.addEventListener("selectionchange", onSelection);

  return {
    element,
    forClaim: (claimId, quote) => {
      if (quote.trim()) void show(quote, claimId);
    },
    destroy() {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", onSelection);
    },
  };
}
