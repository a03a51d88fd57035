/** Admins manage staff: invite with a role (the one-time link is shown once), change roles, disable and re-enable. */
import { roles, type Role } from "../../../schema/enums";
import { may } from "../../../schema/workflow";
import { api, ApiError, errorMessage, unwrap, type UserItem } from "../lib/api";
import { field, formatDate, h, replace, showError } from "../lib/dom";
import { showFieldErrors } from "../lib/field-errors";
import { t, uiLanguage, type MessageKey } from "../lib/i18n";
import { currentUser, setMe } from "../session";
import { shownOnce } from "./shown-once";
import { userTokenList } from "./user-tokens";
import type { ViewHandle } from "./view";

const roleLabel = (role: string) => t(`role_${role}` as MessageKey);
const roleOptions = (selected: string) => roles.map((r) => h("option", { value: r, selected: r === selected }, roleLabel(r)));

function invitePanel(onInvited: () => void) {
  const email = field(t("email"), h("input", { type: "email", name: "invite-email", autocomplete: "off", required: true }));
  const name = field(t("name"), h("input", { type: "text", name: "invite-name", autocomplete: "off", required: true, maxlength: 200 }));
  const role = field(t("role"), h("select", { name: "invite-role" }, roleOptions("checker")));
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const result = h("div", { class: "invite-result" });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("createInvitation"));
  const form = h("form", { class: "invite-form", novalidate: true }, h("div", { class: "row" }, email.wrap, name.wrap, role.wrap), error, h("div", { class: "row" }, submit), result);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    showError(error, null);
    email.setError(null);
    name.setError(null);
    replace(result);
    if (!email.control.value.trim()) return email.setError(t("field_email_required"));
    if (!email.control.checkValidity()) return email.setError(t("field_email"));
    if (!name.control.value.trim()) return name.setError(t("field_name_empty"));
    submit.disabled = true;
    try {
      const invited = email.control.value.trim();
      const res = await unwrap(api.users.invitations.$post({ json: { email: invited, name: name.control.value.trim(), role: role.control.value as Role } }));
      replace(result, shownOnce(t("inviteLinkFor", { email: invited }), res.link, t("inviteLinkOnce", { date: formatDate(res.expiresAt, uiLanguage()) }), "invite-link"));
      email.control.value = "";
      name.control.value = "";
      onInvited();
    } catch (err) {
      showError(error, showFieldErrors(err, { email, name, role }, errorMessage));
    } finally {
      submit.disabled = false;
    }
  });
  return h("section", { class: "panel", "aria-labelledby": "invite-title" }, h("h2", { id: "invite-title" }, t("inviteUser")), form);
}

/** Render the user list and the invitation form (admins only; the API refuses everyone else too). */
export function renderAdminUsers(main: HTMLElement): ViewHandle {
  if (!may(currentUser(), "manageUsers").ok) {
    replace(main, h("div", { class: "page-head" }, h("h1", {}, t("usersTitle"))), h("p", { class: "notice notice-warn", role: "alert" }, t("adminsOnly")));
    return {};
  }
  const notice = h("p", { class: "notice", role: "status", "aria-live": "polite", hidden: true });
  const list = h("div", { class: "panel", "aria-busy": "true" }, h("p", { class: "muted" }, t("loading")));

  async function change(user: UserItem, body: { role?: Role; disabled?: boolean }, rowError: HTMLElement, done: string) {
    showError(rowError, null);
    try {
      await unwrap(api.users[":id"].$patch({ param: { id: String(user.id) }, json: { version: user.version, ...body } }));
      setMe(currentUser()); // drops the cached staff list, so assignment menus see the new role
      await load();
      notice.textContent = done;
      notice.hidden = false;
    } catch (err) {
      // A stale version means someone else changed this user: show their state, and say so.
      if (err instanceof ApiError && err.code === "stale_version") {
        await load();
        notice.textContent = `${t("userChangedFirst")} ${t("listReloaded")}`;
        notice.hidden = false;
      } else showError(rowError, errorMessage(err));
    }
  }

  function row(user: UserItem) {
    const me = user.id === currentUser().id;
    const rowError = h("p", { class: "form-error", role: "alert", hidden: true });
    const select = h("select", { name: `role-${user.id}`, "aria-label": `${t("role")}: ${user.name}`, disabled: me }, roleOptions(user.role));
    const roleButton = h("button", { type: "button", class: "btn btn-small", "data-action": "role", disabled: me }, t("changeRole"));
    roleButton.addEventListener("click", () => {
      const role = select.value as Role;
      void change(user, { role }, rowError, t("roleChanged", { name: user.name, role: roleLabel(role) }));
    });
    const disabled = Boolean(user.disabledAt);
    const toggle = h("button", { type: "button", class: `btn btn-small ${disabled ? "" : "btn-danger"}`, "data-action": disabled ? "enable" : "disable", disabled: me }, disabled ? t("enable") : t("disable"));
    toggle.addEventListener("click", () => void change(user, { disabled: !disabled }, rowError, t(disabled ? "userEnabled" : "userDisabled", { name: user.name })));
    // The user's API tokens open in a row of their own below, where the admin may revoke any of them.
    const tokensButton = h("button", { type: "button", class: "btn btn-small", "data-action": "tokens", "aria-expanded": "false" }, t("apiTokens"));
    tokensButton.addEventListener("click", () => {
      const shown = tr.nextElementSibling?.classList.contains("token-row");
      if (shown) tr.nextElementSibling!.remove();
      else tr.insertAdjacentElement("afterend", h("tr", { class: "token-row", "data-tokens-of": user.id }, h("td", { colspan: 5 }, userTokenList(user.id, user.name).element)));
      tokensButton.setAttribute("aria-expanded", String(!shown));
    });
    // After a login lockout: the account's failed logins are forgotten, so its owner may try again at once.
    const unlock = h("button", { type: "button", class: "btn btn-small", "data-action": "unlock", disabled: disabled }, t("unlockLogin"));
    unlock.addEventListener("click", async () => {
      showError(rowError, null);
      try {
        await unwrap(api.users[":id"].unlock.$post({ param: { id: String(user.id) } }));
        notice.textContent = t("loginUnlocked", { name: user.name });
        notice.hidden = false;
      } catch (err) {
        showError(rowError, errorMessage(err));
      }
    });
    const label = h("span", { class: "visually-hidden" }, user.name);
    unlock.appendChild(label.cloneNode(true));
    roleButton.appendChild(label.cloneNode(true));
    tokensButton.appendChild(label.cloneNode(true));
    toggle.appendChild(label);
    const tr = h(
      "tr",
      { "data-user-id": user.id, "data-email": user.email },
      h("td", {}, user.name, me ? h("span", { class: "muted" }, ` (${t("you")})`) : null),
      h("td", { class: "mono" }, user.email),
      h("td", {}, h("div", { class: "row row-tight" }, select, roleButton)),
      h("td", {}, h("span", { class: `badge status-${disabled ? "disabled" : "active"}` }, disabled ? t("disabled") : t("active")), disabled ? h("span", { class: "muted cell-date" }, ` ${formatDate(user.disabledAt, uiLanguage())}`) : null),
      h("td", {}, h("div", { class: "row row-tight" }, toggle, unlock, tokensButton), me ? h("p", { class: "reason" }, t("ownAccount")) : null, rowError),
    );
    return tr;
  }

  async function load() {
    try {
      const { items } = await unwrap(api.users.$get());
      replace(
        list,
        h(
          "table",
          { class: "table users-table" },
          h("caption", { class: "visually-hidden" }, t("usersTitle")),
          h("thead", {}, h("tr", {}, [t("name"), t("email"), t("role"), t("status"), t("actions")].map((c) => h("th", { scope: "col" }, c)))),
          h("tbody", {}, items.map(row)),
        ),
      );
      list.removeAttribute("aria-busy");
    } catch (err) {
      replace(list, h("p", { class: "error", role: "alert" }, errorMessage(err)));
    }
  }

  replace(main, h("div", { class: "page-head" }, h("h1", {}, t("usersTitle"))), invitePanel(() => void load()), notice, list);
  void load();
  return {};
}
