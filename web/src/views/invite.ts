/** The invitation screen: the invitee sets a password through the one-time link, then logs in. */
import { api, errorMessage, unwrap } from "../lib/api";
import { field, h, replace, showError } from "../lib/dom";
import { showFieldErrors } from "../lib/field-errors";
import { t } from "../lib/i18n";
import { passwordProblem } from "../lib/password";
import { loginHash } from "../lib/router";
import type { ViewHandle } from "./view";

/** Render the set-password form for invitation `token`. */
export function renderInvite(main: HTMLElement, token: string): ViewHandle {
  const password = field(t("newPassword"), h("input", { type: "password", name: "new-password", autocomplete: "new-password", required: true, minlength: 12 }), t("passwordHint"));
  const repeated = field(t("repeatPassword"), h("input", { type: "password", name: "repeat-password", autocomplete: "new-password", required: true, minlength: 12 }));
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("setPassword"));
  const form = h("form", { class: "card login-card", novalidate: true }, h("h1", {}, t("inviteTitle")), h("p", { class: "muted" }, t("inviteIntro")), password.wrap, repeated.wrap, error, submit);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    showError(error, null);
    password.setError(null);
    repeated.setError(null);
    const pw = password.control.value;
    const problem = passwordProblem(pw, repeated.control.value);
    if (problem === "tooShort") return void (password.setError(t("passwordTooShort")), password.control.focus());
    if (problem === "mismatch") return void (repeated.setError(t("passwordMismatch")), repeated.control.focus());
    submit.disabled = true;
    try {
      const { email } = await unwrap(api.auth.invitations.accept.$post({ json: { token, password: pw } }));
      location.hash = loginHash(email);
    } catch (err) {
      showError(error, showFieldErrors(err, { password }, errorMessage));
      submit.disabled = false;
    }
  });
  replace(main, h("div", { class: "login-wrap" }, form));
  password.control.focus();
  return {};
}
