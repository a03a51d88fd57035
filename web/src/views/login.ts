/** The login screen. */
import { api, errorMessage, unwrap, type Me } from "../lib/api";
import { field, h, replace, showError } from "../lib/dom";
import { t } from "../lib/i18n";
import type { ViewHandle } from "./view";

/** Render the login form; `onLogin` runs with the user once the session cookie is set. */
export function renderLogin(main: HTMLElement, onLogin: (user: Me) => void): ViewHandle {
  const email = field(t("email"), h("input", { type: "email", name: "email", autocomplete: "username", required: true }));
  const password = field(t("password"), h("input", { type: "password", name: "password", autocomplete: "current-password", required: true }));
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("login"));
  const form = h("form", { class: "card login-card", novalidate: true }, h("h1", {}, t("loginTitle")), email.wrap, password.wrap, error, submit);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    showError(error, null);
    submit.disabled = true;
    try {
      const { user } = await unwrap(
        api.auth.login.$post({ json: { email: (email.control as HTMLInputElement).value, password: (password.control as HTMLInputElement).value } }),
      );
      onLogin(user);
    } catch (err) {
      showError(error, errorMessage(err));
      submit.disabled = false;
    }
  });
  replace(main, h("div", { class: "login-wrap" }, form));
  (email.control as HTMLInputElement).focus();
  return {};
}
