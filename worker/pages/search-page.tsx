import type { UiLanguage } from "../../schema/enums";
import type { PublicArticle, PublicClaim } from "../domain/public-view";
import type { Scale } from "../../schema/rating-scale";
import { ArticleList, ClaimList } from "./claim-card";
import { t } from "./i18n";
import { Layout } from "./layout";

/** Search results: fact-checks first, then annotated articles with a snippet. */
export function SearchPage(props: { q: string; claims: { claim: PublicClaim; article: PublicArticle }[]; articles: (PublicArticle & { snippet: string })[]; ui: UiLanguage; scale: Scale }) {
  const { ui } = props;
  const none = props.q && props.claims.length === 0 && props.articles.length === 0;
  return (
    <Layout query={props.q} title={`${t(ui, "search")}: ${props.q}`} ui={ui} path={`/search?q=${encodeURIComponent(props.q)}`}>
      <h1>
        {t(ui, "results")}: “{props.q}”
      </h1>
      {none ? <p>{t(ui, "noResults")}</p> : null}
      <ClaimList items={props.claims} ui={ui} scale={props.scale} />
      <ArticleList items={props.articles.map((a) => ({ ...a, detail: a.snippet }))} detailClass="snippet" />
    </Layout>
  );
}
