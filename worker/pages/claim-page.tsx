import { publicStateLabel, type UiLanguage } from "../../schema/enums";
import { ratingLabel, type Scale } from "../../schema/rating-scale";
import type { PublicArticle, PublicClaim, SiteConfig } from "../domain/public-view";
import type { PublicLogEntry } from "../queries/public";
import { ClaimCard } from "./claim-card";
import { t } from "./i18n";
import { ClaimReviewScripts } from "./json-ld";
import { Layout } from "./layout";

/** What a public log entry says happened: the state it led to, or that the article changed. */
function logLabel(action: PublicLogEntry["action"], ui: UiLanguage): string {
  if (action === "claim.reanchor") return t(ui, "articleChanged");
  return publicStateLabel(action === "claim.publish" ? "published" : action === "claim.correct" ? "corrected" : "retracted", ui);
}

/** The permalink of one fact-check, with its public revision log. */
export function ClaimPage(props: { claim: PublicClaim; article: PublicArticle; log: PublicLogEntry[]; ui: UiLanguage; site: SiteConfig; scale: Scale }) {
  const { claim, article, ui, scale } = props;
  return (
    <Layout title={claim.exact} ui={ui} path={`/claims/${claim.id}`} head={<ClaimReviewScripts claims={[claim]} article={article} site={props.site} ui={ui} scale={scale} />}>
      <p class="breadcrumb">
        {t(ui, "inArticle")}: <a href={`/articles/${article.slug}#claim-${claim.id}`} lang={article.language}>{article.title}</a>
      </p>
      <h1 lang={article.language}>“{claim.exact}”</h1>
      <ClaimCard claim={claim} article={article} ui={ui} scale={scale} headingLevel={2} quoteShown />
      <section aria-labelledby="history">
        <h2 id="history">{t(ui, "history")}</h2>
        <ol class="log">
          {props.log.map((entry) => (
            <li>
              <time datetime={entry.at}>{entry.at.slice(0, 10)}</time> — {logLabel(entry.action, ui)}
              {entry.ratingFrom && entry.ratingTo ? (
                <span>. {t(ui, "verdictChanged", { from: ratingLabel(entry.ratingFrom, ui, scale), to: ratingLabel(entry.ratingTo, ui, scale) })}</span>
              ) : null}
              {entry.reason ? (
                <span>
                  . {t(ui, "reason")}: {entry.reason}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
