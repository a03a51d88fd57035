import type { UiLanguage } from "../../schema/enums";
import type { PublicArticle, PublicClaim } from "../domain/public-view";
import type { Scale } from "../../schema/rating-scale";
import { ArticleList, ClaimList } from "./claim-card";
import { t } from "./i18n";
import { Layout } from "./layout";

/** The front page: latest fact-checks, then annotated articles. */
export function HomePage(props: { latest: { claim: PublicClaim; article: PublicArticle }[]; articles: (PublicArticle & { claimCount: number })[]; ui: UiLanguage; scale: Scale }) {
  const { ui } = props;
  return (
    <Layout title={t(ui, "latest")} ui={ui} path="/">
      <h1>{t(ui, "latest")}</h1>
      {props.latest.length === 0 ? <p>{t(ui, "nothing")}</p> : null}
      <ClaimList items={props.latest} ui={ui} scale={props.scale} />
      <h2>{t(ui, "articles")}</h2>
      <ArticleList items={props.articles.map((a) => ({ ...a, detail: `${t(ui, "claims")}: ${a.claimCount}` }))} detailClass="meta" />
    </Layout>
  );
}
