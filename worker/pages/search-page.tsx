import { publicClaimStates, publicStateLabel, uiLanguages, type PublicClaimState, type UiLanguage } from "../../schema/enums";
import { ratingLabel, type Scale } from "../../schema/rating-scale";
import type { SnippetPart } from "../domain/search/snippet";
import { VerdictBadge } from "./claim-card";
import { t } from "./i18n";
import { Layout } from "./layout";

/** The filters as the reader set them; they ride along on every "more" link. */
export interface SearchFilters {
  q: string;
  rating?: string;
  state?: string[];
  claimant?: number;
  language?: string;
  from?: string;
  to?: string;
}

interface ClaimHit {
  id: number;
  state: string;
  ratingKey: string | null;
  exact: string;
  publishedAt: string | null;
  createdAt: string;
  claimant: { id: number; name: string } | null;
  article: { id: number; slug: string; title: string; language: string };
  snippet: SnippetPart[];
}

interface ArticleHit {
  id: number;
  slug: string;
  title: string;
  language: string;
  snippet: SnippetPart[];
}

interface Page<T> {
  items: T[];
  next: string | null;
}

const nativeNames: Record<UiLanguage, string> = { en: "English", ru: "Русский", kk: "Қазақша" };

/** A snippet with its hits marked; every piece is text, escaped by JSX. */
export function Snippet(props: { parts: SnippetPart[]; lang: string }) {
  return <span lang={props.lang}>{props.parts.map((p) => (p.hit ? <mark>{p.text}</mark> : p.text))}</span>;
}

function pageLink(filters: SearchFilters, kind: "claims" | "articles", cursor: string) {
  const params = new URLSearchParams({ q: filters.q });
  for (const key of ["rating", "claimant", "language", "from", "to"] as const) if (filters[key]) params.set(key, String(filters[key]));
  if (filters.state?.length) params.set("state", filters.state.join(","));
  params.set("kind", kind);
  params.set("cursor", cursor);
  return `/search?${params}`;
}

function FilterForm(props: { filters: SearchFilters; ui: UiLanguage; scale: Scale }) {
  const { filters, ui } = props;
  return (
    <form class="search-filters" action="/search" method="get" role="search" aria-label={t(ui, "filters")}>
      <label>
        {t(ui, "search")} <input name="q" type="search" value={filters.q} />
      </label>
      <label>
        {t(ui, "verdict")}{" "}
        <select name="rating">
          <option value="">{t(ui, "anyVerdict")}</option>
          {props.scale.map((r) => (
            <option value={r.key} selected={filters.rating === r.key}>
              {ratingLabel(r.key, ui, props.scale)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t(ui, "state")}{" "}
        <select name="state">
          <option value="">{t(ui, "anyState")}</option>
          {publicClaimStates.map((s) => (
            <option value={s} selected={filters.state?.length === 1 && filters.state[0] === s}>
              {publicStateLabel(s as PublicClaimState, ui)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t(ui, "language")}{" "}
        <select name="language">
          <option value="">{t(ui, "anyLanguage")}</option>
          {uiLanguages.map((l) => (
            <option value={l} selected={filters.language === l}>
              {nativeNames[l]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t(ui, "dateFrom")} <input name="from" type="date" value={filters.from ?? ""} />
      </label>
      <label>
        {t(ui, "dateTo")} <input name="to" type="date" value={filters.to ?? ""} />
      </label>
      {filters.claimant ? <input type="hidden" name="claimant" value={String(filters.claimant)} /> : null}
      <button type="submit">{t(ui, "apply")}</button>
    </form>
  );
}

/** Search results: public fact-checks first, then annotated articles, each with highlighted snippets and a "more" link. */
export function SearchPage(props: { filters: SearchFilters; claims: Page<ClaimHit>; articles: Page<ArticleHit>; ui: UiLanguage; scale: Scale }) {
  const { ui, filters } = props;
  const none = filters.q && props.claims.items.length === 0 && props.articles.items.length === 0;
  return (
    <Layout query={filters.q} title={`${t(ui, "search")}: ${filters.q}`} ui={ui} path={`/search?q=${encodeURIComponent(filters.q)}`}>
      <h1>
        {t(ui, "results")}: “{filters.q}”
      </h1>
      <FilterForm filters={filters} ui={ui} scale={props.scale} />
      {none ? <p>{t(ui, "noResults")}</p> : null}
      {props.claims.items.length ? (
        <ul class="claim-list search-claims">
          {props.claims.items.map((c) => (
            <li>
              {c.ratingKey ? <VerdictBadge ratingKey={c.ratingKey} ui={ui} scale={props.scale} /> : null}{" "}
              {c.state !== "published" ? <span class="state">{publicStateLabel(c.state as PublicClaimState, ui)}</span> : null}{" "}
              <a href={`/claims/${c.id}`} lang={c.article.language}>
                “{c.exact}”
              </a>
              <span class="meta">
                {c.claimant ? `${c.claimant.name}, ` : ""}
                <time datetime={c.publishedAt ?? c.createdAt}>{(c.publishedAt ?? c.createdAt).slice(0, 10)}</time> · {t(ui, "inArticle")}{" "}
                <a href={`/articles/${c.article.slug}`} lang={c.article.language}>
                  {c.article.title}
                </a>
              </span>
              <p class="snippet">
                <Snippet parts={c.snippet} lang={c.article.language} />
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {props.claims.next ? (
        <p class="more">
          <a href={pageLink(filters, "claims", props.claims.next)}>{t(ui, "moreFactChecks")}</a>
        </p>
      ) : null}
      {props.articles.items.length ? (
        <ul class="article-list search-articles">
          {props.articles.items.map((a) => (
            <li>
              <a href={`/articles/${a.slug}`} lang={a.language}>
                {a.title}
              </a>
              <p class="snippet">
                <Snippet parts={a.snippet} lang={a.language} />
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {props.articles.next ? (
        <p class="more">
          <a href={pageLink(filters, "articles", props.articles.next)}>{t(ui, "moreArticles")}</a>
        </p>
      ) : null}
    </Layout>
  );
}
