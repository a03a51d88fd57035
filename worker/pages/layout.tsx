import type { Child } from "hono/jsx";
import { uiLanguages, type UiLanguage } from "../../schema/enums";
import { t } from "./i18n";
import { st } from "./site-strings";

/** The site's own pages, linked from every public page's footer. */
const footerLinks = [
  ["/methodology", "methodology"],
  ["/corrections", "corrections"],
  ["/about", "about"],
  ["/contact", "contact"],
] as const;

const languageNames: Record<UiLanguage, string> = { en: "English", ru: "Русский", kk: "Қазақша" };

/** The shell of every public page: no inline script, one stylesheet, one small deferred script. */
export function Layout(props: { query?: string; title: string; ui: UiLanguage; path: string; children: Child; head?: Child; description?: string }) {
  const { ui } = props;
  return (
    <html lang={ui}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Factline`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href="/public.css" />
        <link rel="alternate" type="application/atom+xml" title="Factline" href="/feed.xml" />
        <script type="module" src="/enhance.js" defer></script>
        {props.head}
      </head>
      <body>
        <a class="skip" href="#main">
          {t(ui, "skip")}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            Factline
          </a>
          <form class="search" action="/search" method="get" role="search">
            <label for="q" class="visually-hidden">
              {t(ui, "searchLabel")}
            </label>
            <input id="q" name="q" type="search" placeholder={t(ui, "search")} value={props.query || undefined} />
            <button type="submit">{t(ui, "search")}</button>
          </form>
          <nav class="languages" aria-label={t(ui, "language")}>
            {uiLanguages.map((lang) => (
              <a href={`${props.path}${props.path.includes("?") ? "&" : "?"}lang=${lang}`} lang={lang} hreflang={lang} aria-current={lang === ui ? "true" : undefined}>
                {languageNames[lang]}
              </a>
            ))}
          </nav>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site-footer">
          <nav aria-label={st(ui, "footer")}>
            <ul>
              {footerLinks.map(([href, key]) => (
                <li>
                  <a href={href} aria-current={props.path.split("?")[0] === href ? "page" : undefined}>
                    {st(ui, key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </footer>
      </body>
    </html>
  );
}
