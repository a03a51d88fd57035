/**
 * "Already checked": beside the article, the fact-checks most like the text the checker selected, or
 * like the claim they opened or just created, from POST /api/match: this newsroom's public claims and
 * imported fact-checks of other organisations, each with its verdict, date and score. Ours link to the
 * claim; external ones to the organisation's page, and say whose they are. While a claim is open, each of
 * ours can be linked as the same claim (POST /api/claims/:id/same-as): the open claim then shares its
 * verdict, and the link can be undone from the same place.
 */
import { ratingLabel } from "../../../schema/rating-scale";
import { api, errorMessage, unwrap, type ClaimDetail, type SimilarFactCheck } from "../lib/api";
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
  /** Show the fact-checks like an open claim's quote (the claim itself left out), with "Same claim" on ours. */
  forClaim(claimId: number, quote: string): void;
  /** The open claim may have changed (its link too): draw the matches again. */
  refresh(): void;
  destroy(): void;
}

/** What the slot needs of the open claim to link it as the same claim as one of ours. */
export interface SameClaimHost {
  /** The open claim's version (as its panel last saw it) and the claim it is linked to; null while unknown. */
  current(claimId: number): { version: number; sameAsId: number | null } | null;
  /** The link was saved or undone: the open claim is now `claim`. */
  linked(claim: ClaimDetail): void;
}

/** The "Same claim" action of one of ours, or, when the open claim is linked to it, the link and "Unlink". */
function sameClaimControl(f: SimilarFactCheck, linkedTo: number | null, act: (sameAsId: number | null) => void) {
  const described = `similar-${f.id}`;
  if (linkedTo === f.id) {
    const unlink = h("button", { type: "button", class: "btn btn-quiet btn-small", "aria-describedby": described, "data-same-claim": "unlink" }, t("sameClaimUnlink"));
    unlink.addEventListener("click", () => act(null));
    return h("p", { class: "same-claim same-claim-linked" }, h("strong", {}, t("sameClaimLinked")), " ", unlink);
  }
  const link = h("button", { type: "button", class: "btn btn-small", "aria-describedby": described, "data-same-claim": "link" }, t("sameClaim"));
  link.addEventListener("click", () => act(f.id));
  return h("p", { class: "same-claim" }, link);
}

function item(f: SimilarFactCheck, same: { linkedTo: number | null; act: (sameAsId: number | null) => void } | null) {
  const score = h("span", { class: "score" }, t("similarScore", { score: f.score.toFixed(2) }));
  const date = f.date ? h("time", { datetime: f.date }, formatDate(f.date.slice(0, 10), uiLanguage())) : null;
  if (f.kind === "ours" && f.article) {
    return h(
      "li",
      { class: "similar similar-ours", "data-claim-id": String(f.id) },
      h("a", { id: `similar-${f.id}`, href: claimHash(f.article.id, f.id), lang: f.language ?? undefined }, `“${f.claim}”`),
      h("p", { class: "muted" }, claimBadge(f.rating, f.state ?? "published"), " ", t("ourFactCheck"), " · ", f.article.title, date ? " · " : null, date, " · ", score),
      same ? sameClaimControl(f, same.linkedTo, same.act) : null,
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

/**
 * Build the slot. `selection` reads the article's current selection (null when there is none); `host`
 * gives the open claim, so that a match of ours can be linked as the same claim.
 */
export function alreadyCheckedSlot(selection: () => string | null, host: SameClaimHost): AlreadyCheckedSlot {
  const subject = h("p", { class: "muted similar-subject" }, t("alreadyCheckedSelect"));
  const elsewhere = h("div", { class: "same-claim-elsewhere" });
  const list = h("ul", { class: "similar-list" });
  const status = h("p", { class: "muted", role: "status", "aria-live": "polite" });
  const element = h(
    "section",
    { class: "panel already-checked", "aria-labelledby": "already-checked-title" },
    h("h2", { id: "already-checked-title" }, t("alreadyChecked")),
    subject,
    elsewhere,
    status,
    list,
  );
  let shown = "";
  let request = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The matches on screen, and the open claim they were matched for (null for a selection). */
  let items: SimilarFactCheck[] = [];
  let forClaimId: number | null = null;
  let linking = false;

  /** Draw the matches; with an open claim, ours get "Same claim", and a link to a claim not listed is shown above them. */
  function render(focusOn?: number) {
    // A redraw keeps the keyboard on the match it was on (the controls are drawn anew).
    const active = document.activeElement;
    if (focusOn === undefined && active instanceof HTMLButtonElement && element.contains(active)) {
      const at = active.closest<HTMLElement>("[data-claim-id]")?.dataset.claimId;
      focusOn = at ? Number(at) : -1;
    }
    const current = forClaimId === null ? null : host.current(forClaimId);
    const same = current ? { linkedTo: current.sameAsId, act: (sameAsId: number | null) => void link(sameAsId) } : null;
    replace(list, items.map((f) => item(f, same)));
    const linkedTo = current?.sameAsId ?? null;
    if (linkedTo !== null && !items.some((f) => f.id === linkedTo)) {
      const unlink = h("button", { type: "button", class: "btn btn-quiet btn-small", "data-same-claim": "unlink" }, t("sameClaimUnlink"));
      unlink.addEventListener("click", () => void link(null));
      replace(elsewhere, h("p", { class: "same-claim same-claim-linked" }, t("sameClaimElsewhere", { id: linkedTo }), " ", unlink));
    } else replace(elsewhere);
    if (focusOn !== undefined) {
      const target = focusOn === -1 ? elsewhere.querySelector<HTMLButtonElement>("button") : list.querySelector<HTMLButtonElement>(`[data-claim-id="${focusOn}"] button`);
      (target ?? list.querySelector<HTMLButtonElement>("button"))?.focus();
    }
  }

  /** Link the open claim as the same claim as `sameAsId`, or undo the link (null). */
  async function link(sameAsId: number | null) {
    const claimId = forClaimId;
    const current = claimId === null ? null : host.current(claimId);
    if (claimId === null || !current || linking) return;
    const before = current.sameAsId;
    linking = true;
    try {
      const { claim } = await unwrap(api.claims[":id"]["same-as"].$post({ param: { id: String(claimId) }, json: { version: current.version, sameAsId } }));
      host.linked(claim);
      if (forClaimId !== claimId) return;
      status.textContent = sameAsId === null ? t("sameClaimUndone") : t("sameClaimDone", { id: sameAsId });
      // Keep the keyboard where it was: on the same match's control, which now does the opposite.
      const focusOn = sameAsId ?? before ?? undefined;
      render(focusOn !== undefined && items.some((f) => f.id === focusOn) ? focusOn : -1);
    } catch (err) {
      status.textContent = errorMessage(err);
    } finally {
      linking = false;
    }
  }

  async function show(text: string, excludeClaimId?: number) {
    const key = `${excludeClaimId ?? ""}:${text}`;
    if (key === shown) return;
    shown = key;
    const mine = ++request;
    forClaimId = excludeClaimId ?? null;
    subject.textContent = `“${text.length > 100 ? `${text.slice(0, 99)}…` : text}”`;
    status.textContent = t("loading");
    try {
      const found = await unwrap(api.match.$post({ json: { text, limit: 5, ...(excludeClaimId ? { excludeClaimId } : {}) } }));
      if (mine !== request) return; // a newer selection won
      items = found.items;
      render();
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
    refresh: () => {
      if (forClaimId !== null && !linking) render();
    },
    forClaim: (claimId, quote) => {
      if (quote.trim()) void show(quote, claimId);
    },
    destroy() {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", onSelection);
    },
  };
}
