/** The public about page's content (organisation, funding, team in each language), edited by an admin. */
import { aboutSections } from "../../../schema/about-sections";
import type { AboutContent } from "../../../schema/site-inputs";
import { uiLanguages } from "../../../schema/enums";
import { api, errorMessage, unwrap } from "../lib/api";
import { h, replace } from "../lib/dom";
import { t } from "../lib/i18n";
import type { ViewHandle } from "./view";

const languageNames = { en: "English", ru: "Русский", kk: "Қазақша" } as const;

export function renderAdminAbout(main: HTMLElement): ViewHandle {
  const status = h("p", { class: "notice", role: "status", "aria-live": "polite", hidden: true });
  const host = h("div", {}, h("p", { class: "muted" }, t("loading")));
  replace(main, h("div", { class: "page-head" }, h("h1", {}, t("navAbout"))), h("p", { class: "muted intro" }, t("aboutIntro"), " ", h("a", { href: "/about", target: "_blank", rel: "noopener" }, t("viewPublic"))), status, host);
  let version = 0;
  const fields = new Map<string, HTMLTextAreaElement>();

  const show = (content: AboutContent) => {
    const form = h(
      "form",
      { class: "about-form" },
      aboutSections.map((section) =>
        h(
          "fieldset",
          { class: "card" },
          h("legend", {}, t(`about_${section}` as const)),
          uiLanguages.map((lang) => {
            const id = `about-${section}-${lang}`;
            const area = h("textarea", { id, rows: 4, lang, maxlength: 5000 }) as HTMLTextAreaElement;
            area.value = content[section][lang];
            fields.set(`${section}.${lang}`, area);
            return h("p", { class: "field" }, h("label", { for: id }, languageNames[lang]), area);
          }),
        ),
      ),
      h("p", {}, h("button", { type: "submit", class: "btn btn-primary" }, t("saveAbout"))),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const next = Object.fromEntries(aboutSections.map((s) => [s, Object.fromEntries(uiLanguages.map((l) => [l, fields.get(`${s}.${l}`)!.value]))])) as AboutContent;
      const button = form.querySelector("button")!;
      button.disabled = true;
      unwrap(api.site.about.$put({ json: { version, content: next } }))
        .then((saved) => {
          version = saved.version;
          status.className = "notice notice-ok";
          status.textContent = t("aboutSaved");
        })
        .catch((err) => {
          status.className = "notice error";
          status.textContent = errorMessage(err);
        })
        .finally(() => {
          status.hidden = false;
          button.disabled = false;
          // Focus stays on the button the person pressed.
          button.focus();
        });
    });
    replace(host, form);
  };

  unwrap(api.site.about.$get())
    .then((page) => {
      version = page.version;
      show(page.content);
    })
    .catch((err) => replace(host, h("p", { class: "error", role: "alert" }, errorMessage(err))));
  return {};
}
