/** The login screen. */
import { api, errorMessage, unwrap, type Me } from "../lib/api";
import { field, h, replace, showError } from "../lib/dom";
import { showFieldErrors } from "../lib/field-errors";
import { t } from "../lib/i18n";
import type { ViewHandle } from "./view";

/** Render the login form; `onLogin` runs with the user once the session cookie is set. `email` comes from an accepted invitation. */
export function renderLogin(main: HTMLElement, onLogin: (user: Me) => void, email: string | null = null): ViewHandle {
  const emailField = field(t("email"), h("input", { type: "email", name: "email", autocomplete: "username", required: true, value: email }));
  const password = field(t("password"), h("input", { type: "password", name: "password", autocomplete: "current-password", required: true }));
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("login"));
  const form = h(
    "form",
    { class: "card login-card", novalidate: true },
    h("h1", {}, t("loginTitle")),
    email ? h("p", { class: "notice notice-ok", role: "status" }, t("passwordSet")) : null,
    emailField.wrap,
    password.wrap,
    error,
    submit,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    showError(error, null);
    emailField.setError(null);
    password.setError(null);
    submit.disabled = true;
    try {
      const { user } = await unwrap(
        api.auth.login.$post({ json: { email: (emailField.control as HTMLInputElement).value, password: (password.control as HTMLInputElement).value } }),
      );
      onLogin(user);
    } catch (err) {
      showError(error, showFieldErrors(err, { email: emailField, password }, errorMessage));
      submit.disabled = false;
    }
  });
  replace(main, h("div", { class: "login-wrap" }, form));
  // With the email known from the invitation, the password is all that is left to type.
  (email ? password.control : emailField.control).focus();
  return {};
}
