/** A secret the server shows only once (an invitation link, an API token): read-only, selectable, with a Copy button. */
import { h, uid } from "../lib/dom";
import { t } from "../lib/i18n";

/** The box; `title` names the secret, `note` says that it will not be shown again. */
export function shownOnce(title: string, value: string, note: string, kind: string): HTMLElement {
  const id = uid("secret");
  const input = h("input", { type: "text", id, class: "mono secret-value", readonly: true, value, "data-secret": kind, "aria-describedby": `${id}-note` });
  const copied = h("span", { class: "muted", role: "status", "aria-live": "polite" });
  const copy = h("button", { type: "button", class: "btn btn-small" }, t("copy"));
  copy.addEventListener("click", async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // No clipboard permission (plain http, or a locked-down browser): the text is selected, Ctrl+C works.
      document.execCommand?.("copy");
    }
    copied.textContent = t("copied");
  });
  input.addEventListener("focus", () => input.select());
  return h(
    "div",
    { class: "notice notice-ok shown-once" },
    h("label", { for: id, class: "shown-once-title" }, title),
    h("div", { class: "row" }, input, copy, copied),
    h("p", { class: "hint", id: `${id}-note` }, note),
  );
}
