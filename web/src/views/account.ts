/** The signed-in person's account: log out everywhere, and API tokens for scripts (each shown once). */
import { api, errorMessage, unwrap, type TokenItem } from "../lib/api";
import { field, formatDate, h, replace, showError } from "../lib/dom";
import { t, uiLanguage, type MessageKey } from "../lib/i18n";
import { currentUser, setMe } from "../session";
import { shownOnce } from "./shown-once";
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
  const form = h("form", { class: "row", novalidate: true }, name.wrap, h("div", { class: "field field-button" }, createButton));
  const list = h("div", { "aria-busy": "true" }, h("p", { class: "muted" }, t("loading")));

  function tokenRow(token: TokenItem) {
    const rowError = h("p", { class: "form-error", role: "alert", hidden: true });
    const revoke = token.revokedAt ? null : h("button", { type: "button", class: "btn btn-small btn-danger" }, t("revoke"), h("span", { class: "visually-hidden" }, ` ${token.name}`));
    revoke?.addEventListener("click", async () => {
      showError(rowError, null);
      revoke.disabled = true;
      try {
        await unwrap(api.auth.tokens[":id"].$delete({ param: { id: String(token.id) } }));
        await load();
      } catch (err) {
        showError(rowError, errorMessage(err));
        revoke.disabled = false;
      }
    });
    return h(
      "tr",
      { "data-token-id": token.id },
      h("td", {}, token.name),
      h("td", { class: "cell-date" }, formatDate(token.createdAt, uiLanguage())),
      h("td", {}, token.revokedAt ? h("span", { class: "badge status-disabled" }, `${t("revoked")} ${formatDate(token.revokedAt, uiLanguage())}`) : h("span", { class: "badge status-active" }, t("active"))),
      h("td", {}, revoke, rowError),
    );
  }

  async function load() {
    try {
      const { items } = await unwrap(api.auth.tokens.$get());
      replace(
        list,
        items.length === 0
          ? h("p", { class: "empty" }, t("noTokens"))
          : h(
              "table",
              { class: "table tokens-table" },
              h("caption", { class: "visually-hidden" }, t("apiTokens")),
              h("thead", {}, h("tr", {}, (["name", "created", "status", "actions"] as MessageKey[]).map((k) => h("th", { scope: "col" }, t(k))))),
              h("tbody", {}, items.map(tokenRow)),
            ),
      );
      list.removeAttribute("aria-busy");
    } catch (err) {
      replace(list, h("p", { class: "error", role: "alert" }, errorMessage(err)));
    }
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    name.setError(null);
    replace(created);
    const label = name.control.value.trim();
    if (!label) return name.setError(t("tokenName"));
    createButton.disabled = true;
    try {
      const token = await unwrap(api.auth.tokens.$post({ json: { name: label } }));
      replace(created, shownOnce(t("tokenName"), token.token, t("tokenCreated", { name: token.name }), "api-token"));
      name.control.value = "";
      await load();
    } catch (err) {
      name.setError(errorMessage(err));
    } finally {
      createButton.disabled = false;
    }
  });

  replace(
    main,
    h("div", { class: "page-head" }, h("h1", {}, t("accountTitle")), h("p", { class: "muted" }, `${me.name} · ${me.email} · ${t(`role_${me.role}` as MessageKey)}`)),
    h("div", { class: "account-grid" },
      h("section", { class: "panel", "aria-labelledby": "tokens-title" }, h("h2", { id: "tokens-title" }, t("apiTokens")), h("p", { class: "hint" }, t("apiTokensHint")), form, created, list),
      h("section", { class: "panel", "aria-labelledby": "sessions-title" }, h("h2", { id: "sessions-title" }, t("logoutEverywhere")), h("p", { class: "hint", id: "everywhere-hint" }, t("logoutEverywhereHint")), everywhere, everywhereError),
    ),
  );
  void load();
  return {};
}
