/** The workspace shell: header, language switch, session and hash routing. */
import { uiLanguages, type UiLanguage } from "../../schema/enums";
import { may } from "../../schema/workflow";
import { api, unwrap } from "./lib/api";
import { h, replace } from "./lib/dom";
import { languageNames, loadUiLanguage, setUiLanguage, t, uiLanguage } from "./lib/i18n";
import { isPublicRoute, parseRoute, type Route } from "./lib/router";
import { loadScale } from "./lib/scale";
import { queueBadge, startQueueLive, stopQueueLive } from "./live/queue-live";
import { currentUser, loadMe, setMe } from "./session";
import { renderAccount } from "./views/account";
import { renderAdminUsers } from "./views/admin-users";
import { renderArticle } from "./views/article";
import { renderArticles } from "./views/articles";
import { renderDashboard } from "./views/dashboard";
import { renderFlagged } from "./views/flagged";
import { renderAdminAbout } from "./views/admin-about";
import { renderTips } from "./views/tips";
import { renderInvite } from "./views/invite";
import { renderLogin } from "./views/login";
import { renderQueue } from "./views/queue";
import { renderSearch } from "./views/search";
import type { ViewHandle } from "./views/view";

const root = document.getElementById("root")!;
let view: ViewHandle | undefined;
let main: HTMLElement;
/** The phone menu stays open across the redraw a language switch makes (the switch is inside it). */
let reopenMenu = false;

function header(route: Route) {
  const user = currentUser();
  const link = (href: string, label: string, active: boolean) => h("a", { href, class: "nav-link", "aria-current": active ? "page" : null }, label);
  const lang = h(
    "select",
    { id: "ui-language", class: "lang-select", "aria-label": t("language") },
    uiLanguages.map((l) => h("option", { value: l, selected: l === uiLanguage() }, languageNames[l])),
  );
  lang.addEventListener("change", () => {
    // The screen is drawn again in the new language; the focus stays on the language menu (and a folded menu stays open).
    reopenMenu = menuButton.getAttribute("aria-expanded") === "true";
    void setUiLanguage(lang.value as UiLanguage)
      .then(() => render(true))
      .then(() => {
        const select = document.getElementById("ui-language");
        select?.focus();
        // The new language's labels folded the bar: open its menu, so the focus stays on the language menu.
        if (select && document.activeElement !== select) {
          document.querySelector<HTMLButtonElement>(".topbar .menu-toggle[aria-expanded=false]")?.click();
          select.focus();
        }
      });
  });
  const logout = h("button", { type: "button", class: "btn btn-quiet" }, t("logout"));
  logout.addEventListener("click", async () => {
    await unwrap(api.auth.logout.$post()).catch(() => undefined);
    stopQueueLive();
    setMe(null);
    location.hash = "#/login";
  });
  // When the top bar does not fit (foldIfCrowded), the navigation and the session tools fold behind this button; else it is hidden.
  const menuButton = h("button", { type: "button", class: "btn btn-quiet menu-toggle", "aria-expanded": String(reopenMenu), "aria-controls": "topbar-menu" }, t("menu"));
  reopenMenu = false;
  const setMenu = (open: boolean) => menuButton.setAttribute("aria-expanded", String(open));
  menuButton.addEventListener("click", () => setMenu(menuButton.getAttribute("aria-expanded") !== "true"));
  const menu = h(
    "div",
    { class: "topbar-menu", id: "topbar-menu" },
    user
      ? h(
          "nav",
          { class: "nav", "aria-label": t("appName") },
          link("#/", t("navDashboard"), route.name === "dashboard"),
          link("#/articles", t("navArticles"), route.name === "articles" || route.name === "article"),
          h("span", { class: "nav-with-badge" }, link("#/queue", t("navQueue"), route.name === "queue"), queueBadge()),
          link("#/flagged", t("navFlagged"), route.name === "flagged"),
          link("#/search", t("navSearch"), route.name === "search"),
          // Only admins get the entry; the route and the API refuse everyone else as well.
          may(user, "manageUsers").ok ? link("#/admin/users", t("navUsers"), route.name === "adminUsers") : null,
          may(user, "readTips").ok ? link("#/tips", t("navTips"), route.name === "tips") : null,
          may(user, "editSitePages").ok ? link("#/admin/about", t("navAbout"), route.name === "adminAbout") : null,
        )
      : null,
    h(
      "div",
      { class: "topbar-end" },
      h("label", { class: "lang" }, lang),
      user ? h("span", { class: "who" }, t("loggedInAs", { name: user.name, role: user.role })) : null,
      user ? link("#/account", t("navAccount"), route.name === "account") : null,
      user ? logout : null,
    ),
  );
  menu.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || menuButton.getAttribute("aria-expanded") !== "true") return;
    setMenu(false);
    menuButton.focus();
  });
  return h(
    "header",
    { class: "topbar" },
    h("a", { class: "brand", href: "#/" }, h("span", { class: "brand-mark", "aria-hidden": "true" }, "✓"), t("appName")),
    menuButton,
    menu,
  );
}

/** Fold the navigation behind the Menu button whenever the top bar does not fit on one line (app.css, .is-folded). */
function foldIfCrowded() {
  const bar = root.querySelector<HTMLElement>(".topbar");
  if (!bar) return;
  bar.classList.remove("is-folded");
  bar.classList.toggle("is-folded", bar.scrollWidth > bar.clientWidth);
}
window.addEventListener("resize", foldIfCrowded);
window.addEventListener("factline:topbar-changed", foldIfCrowded);

/** The scale's wording (admins may reword it) loads once, alongside everything else at start. */
const scaleLoaded = loadScale();

async function render(force = false) {
  await scaleLoaded;
  let route = parseRoute(location.hash);
  document.documentElement.lang = uiLanguage();
  if (!force && view?.update?.(route)) return;
  view?.destroy?.();
  view = undefined;
  if (!currentUser() && !isPublicRoute(route)) {
    if (!(await loadMe())) {
      sessionStorage.setItem("factline.after-login", location.hash);
      location.replace("#/login");
      return;
    }
  }
  if (route.name === "login" && currentUser()) route = { name: "dashboard" };
  // An invitation is opened by someone without an account yet: no header, whoever else is signed in here.
  const withHeader = currentUser() && route.name !== "invite";
  if (withHeader) startQueueLive();
  main = h("main", { id: "main", tabindex: "-1", class: `view view-${route.name}` });
  // The first Tab stops: on an article, straight to its text (before it loads, to the main region).
  const skipLink = (label: string, target: () => HTMLElement) => h("a", { class: "skip-link", href: "#main", onclick: ((e: Event) => { e.preventDefault(); target().focus(); }) as EventListener }, label);
  replace(
    root,
    route.name === "article" ? skipLink(t("skipToArticle"), () => main.querySelector<HTMLElement>(".article-text") ?? main) : null,
    skipLink(t("skipToMain"), () => main),
    withHeader ? header(route) : null,
    main,
  );
  foldIfCrowded();
  const done = () => {
    const after = sessionStorage.getItem("factline.after-login");
    sessionStorage.removeItem("factline.after-login");
    location.hash = after && after !== "#/login" ? after : "#/";
    void render(true);
  };
  switch (route.name) {
    case "login":
      view = renderLogin(main, (user) => {
        setMe(user);
        done();
      }, route.email);
      break;
    case "invite":
      view = renderInvite(main, route.token);
      break;
    case "adminUsers":
      view = renderAdminUsers(main);
      break;
    case "adminAbout":
      view = renderAdminAbout(main);
      break;
    case "tips":
      view = renderTips(main);
      break;
    case "account":
      view = renderAccount(main);
      break;
    case "flagged":
      view = renderFlagged(main);
      break;
    case "dashboard":
      view = renderDashboard(main);
      break;
    case "articles":
      view = renderArticles(main, route.query);
      break;
    case "article":
      view = renderArticle(main, route.id, route.claimId);
      break;
    case "claim":
      try {
        const { claim } = await unwrap(api.claims[":id"].$get({ param: { id: String(route.id) } }));
        location.replace(`#/articles/${claim.article.id}/claims/${claim.id}`);
      } catch (err) {
        replace(main, h("p", { class: "error", role: "alert" }, (err as Error).message));
      }
      break;
    case "queue":
      view = renderQueue(main, route.query);
      break;
    case "search":
      view = renderSearch(main, route.query);
      break;
    default:
      replace(main, h("h1", {}, t("notFound")));
  }
}

window.addEventListener("hashchange", () => void render());
window.addEventListener("factline:unauthenticated", () => {
  if (isPublicRoute(parseRoute(location.hash))) return;
  stopQueueLive();
  setMe(null);
  sessionStorage.setItem("factline.after-login", location.hash);
  location.hash = "#/login";
});
// The remembered language's strings first, then the first screen.
void loadUiLanguage().then(() => render());
