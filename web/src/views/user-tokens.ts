/** One person's API tokens with their expiry, and a revoke button each: the account screen and the admin's users screen share it. */
import { api, errorMessage, unwrap, type UserTokenItem } from "../lib/api";
import { formatDate, h, replace, showError } from "../lib/dom";
import { t, uiLanguage, type MessageKey } from "../lib/i18n";

/** The token list of user `userId`; `reload()` fetches it again (after a token was created). */
export function userTokenList(userId: number, owner: string) {
  const list = h("div", { class: "token-list", "aria-busy": "true" }, h("p", { class: "muted" }, t("loading")));

  function status(token: UserTokenItem) {
    if (token.revokedAt) return h("span", { class: "badge status-disabled" }, `${t("revoked")} ${formatDate(token.revokedAt, uiLanguage())}`);
    if (!token.expiresAt || Date.parse(token.expiresAt) <= Date.now()) return h("span", { class: "badge status-disabled" }, t("expired"));
    return h("span", { class: "badge status-active" }, t("active"));
  }

  function tokenRow(token: UserTokenItem) {
    const rowError = h("p", { class: "form-error", role: "alert", hidden: true });
    const revoke = token.revokedAt ? null : h("button", { type: "button", class: "btn btn-small btn-danger", "data-action": "revoke" }, t("revoke"), h("span", { class: "visually-hidden" }, ` ${token.name}`));
    revoke?.addEventListener("click", async () => {
      showError(rowError, null);
      revoke.disabled = true;
      try {
        await unwrap(api.users[":id"].tokens[":tokenId"].$delete({ param: { id: String(userId), tokenId: String(token.id) } }));
        await reload();
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
      h("td", { class: "cell-date" }, token.expiresAt ? formatDate(token.expiresAt, uiLanguage()) : "—"),
      h("td", {}, status(token)),
      h("td", {}, revoke, rowError),
    );
  }

  async function reload() {
    try {
      const { items } = await unwrap(api.users[":id"].tokens.$get({ param: { id: String(userId) } }));
      replace(
        list,
        items.length === 0
          ? h("p", { class: "empty" }, t("noTokens"))
          : h(
              "table",
              { class: "table tokens-table" },
              h("caption", { class: "visually-hidden" }, `${t("apiTokens")}: ${owner}`),
              h("thead", {}, h("tr", {}, (["name", "created", "expires", "status", "actions"] as MessageKey[]).map((k) => h("th", { scope: "col" }, t(k))))),
              h("tbody", {}, items.map(tokenRow)),
            ),
      );
      list.removeAttribute("aria-busy");
    } catch (err) {
      replace(list, h("p", { class: "error", role: "alert" }, errorMessage(err)));
    }
  }

  void reload();
  return { element: list, reload };
}
