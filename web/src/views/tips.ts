/** Readers' tips from the public contact form ("suggest a claim to check"), newest first. */
import { api, errorMessage, unwrap } from "../lib/api";
import { h, replace } from "../lib/dom";
import { t } from "../lib/i18n";
import type { ViewHandle } from "./view";

/** Render the tips list. Every value is text: h() never parses HTML. */
export function renderTips(main: HTMLElement): ViewHandle {
  const list = h("div", { class: "tips-list", "aria-busy": "true" }, h("p", { class: "muted" }, t("loading")));
  replace(main, h("div", { class: "page-head" }, h("h1", {}, t("navTips"))), h("p", { class: "muted intro" }, t("tipsIntro")), list);
  unwrap(api.tips.$get({ query: { limit: "100" } }))
    .then(({ items, total }) => {
      if (items.length === 0) return replace(list, h("p", { class: "muted" }, t("tipsNone")));
      replace(
        list,
        h("p", { class: "muted" }, t("tipsCount", { n: total })),
        h(
          "ol",
          { class: "tips" },
          items.map((tip) =>
            h(
              "li",
              { class: "tip card" },
              h("p", { class: "tip-claim", lang: tip.language }, tip.claim),
              tip.url ? h("p", {}, h("a", { href: tip.url, rel: "noopener noreferrer nofollow", target: "_blank" }, tip.url)) : null,
              tip.message ? h("p", { class: "tip-message" }, tip.message) : null,
              h("p", { class: "muted" }, h("time", { datetime: tip.createdAt }, tip.createdAt.slice(0, 16).replace("T", " ")), tip.contact ? ` · ${t("tipsContact")}: ${tip.contact}` : ""),
            ),
          ),
        ),
      );
    })
    .catch((err) => replace(list, h("p", { class: "error", role: "alert" }, errorMessage(err))))
    .finally(() => list.removeAttribute("aria-busy"));
  return {};
}
