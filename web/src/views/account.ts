/** The signed-in person's account: log out everywhere, and API tokens for scripts (each shown once, each with an expiry). */
import { apiTokenDays } from "../../../schema/workflow";
import { api, errorMessage, unwrap } from "../lib/api";
import { field, h, replace, showError } from "../lib/dom";
import { showFieldErrors } from "../lib/field-errors";
import { t, type MessageKey } from "../lib/i18n";
import { currentUser, setMe } from "../session";
import { shownOnce } from "./shown-once";
import { userTokenList } from "./user-tokens";
import type { ViewHandle } from "./view";

/** Render the account screen. */
export function renderAccount(main: HTMLElement): ViewHandle {
  const me = currentUser();
  const everywhereError = h("p", { class: "form-error", role: "alert", hidden: true });
  const everywhere = h("button", { type: "button", class: "btn btn-danger", "aria-describedby": "everywhere-hint" }, t("logoutEverywhere"));
  everywhere.addEventListener("click", async () => {
    showError(everywhereError, null);
    everywhere.disabled = true;
    try {
      await unwrap(api.auth["logout-everywhere"].$post());
      setMe(null);
      location.hash = "#/login";
    } catch (err) {
      showError(everywhereError, errorMessage(err));
      everywhere.disabled = false;
    }
  });

  const name = field(t("tokenName"), h("input", { type: "text", name: "token-name", maxlength: 100, autocomplete: "off" }));
  const created = h("div", { class: "token-result" });
  const createButton = h("button", { type: "submit", class: "btn btn-primary" }, t("createToken"));
  const lifetimes = [7, 30, apiTokenDays.default, 180, apiTokenDays.max];
  const expiry = field(t("tokenExpiry"), h("select", { name: "token-days" }, lifetimes.map((n) => h("option", { value: String(n), selected: n === apiTokenDays.default }, t("days", { n })))));
  const form = h("form", { class: "row", novalidate: true }, name.wrap, expiry.wrap, h("div", { class: "field field-button" }, createButton));
  const tokens = userTokenList(me.id, me.name);

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    name.setError(null);
    replace(created);
    const label = name.control.value.trim();
    if (!label) return name.setError(t("field_name_empty"));
    createButton.disabled = true;
    try {
      const token = await unwrap(api.auth.tokens.$post({ json: { name: label, expiresInDays: Number(expiry.control.value) } }));
      replace(created, shownOnce(t("tokenName"), token.token, t("tokenCreated", { name: token.name }), "api-token"));
      name.control.value = "";
      await tokens.reload();
    } catch (err) {
      const rest = showFieldErrors(err, { name, expiresInDays: expiry }, errorMessage);
      if (rest) name.setError(rest);
    } finally {
      createButton.disabled = false;
    }
  });

  replace(
    main,
    h("div", { class: "page-head" }, h("h1", {}, t("accountTitle")), h("p", { class: "muted" }, `${me.name} · ${me.email} · ${t(`role_${me.role}` as MessageKey)}`)),
    h("div", { class: "account-grid" },
      h("section", { class: "panel", "aria-labelledby": "tokens-title" }, h("h2", { id: "tokens-title" }, t("apiTokens")), h("p", { class: "hint" }, t("apiTokensHint")), form, created, tokens.element),
      h("section", { class: "panel", "aria-labelledby": "sessions-title" }, h("h2", { id: "sessions-title" }, t("logoutEverywhere")), h("p", { class: "hint", id: "everywhere-hint" }, t("logoutEverywhereHint")), everywhere, everywhereError),
    ),
  );
  return {};
}
