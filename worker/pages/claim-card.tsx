import { raw } from "hono/html";
import { claimStateLabel, publicStateLabel, type UiLanguage } from "../../schema/enums";
import { ratingFor, ratingLabel, type Scale } from "../../schema/rating-scale";
import { renderExplanation } from "../domain/explanation-html";
import type { PublicArticle, PublicClaim } from "../domain/public-view";
import { t } from "./i18n";
import { st } from "./site-strings";

/** The verdict as a badge: colour from the rating's tone, and always its text. */
export function VerdictBadge(props: { ratingKey: string; ui: UiLanguage; scale: Scale }) {
  const tone = ratingFor(props.ratingKey, props.scale)?.tone ?? "neutral";
  return <span class={`badge tone-${tone}`}>{ratingLabel(props.ratingKey, props.ui, props.scale)}</span>;
}

/** One fact-check: verdict, quote, claimant, explanation and sources, plus its state if not plainly published. */
export function ClaimCard(props: { claim: PublicClaim; article: PublicArticle; ui: UiLanguage; scale: Scale; headingLevel?: 2 | 3; changedAt?: string | null; quoteShown?: boolean }) {
  const { claim, article, ui } = props;
  const Heading = props.headingLevel === 2 ? "h2" : "h3";
  return (
    <article id={`claim-${claim.id}`} class={`claim-card state-${claim.state}`} tabindex={-1}>
      <Heading class="verdict">
        <VerdictBadge ratingKey={claim.ratingKey} ui={ui} scale={props.scale} />
        {claim.state !== "published" ? <span class="state">{claimStateLabel(claim.state, ui)}</span> : null}
      </Heading>
      {props.quoteShown ? null : (
        <blockquote lang={article.language} cite={article.sourceUrl ?? undefined}>
          {claim.exact}
        </blockquote>
      )}
      {claim.claimant ? (
        <p class="claimant">
          {t(ui, "claimant")}: <a href={`/claimants/${claim.claimant.id}`}>{claim.claimant.name}</a>
        </p>
      ) : null}
      {claim.publicNote || claim.state !== "published" ? (
        <p class="public-note">
          <strong>{publicStateLabel(claim.state === "retracted" ? "retracted" : "corrected", ui)}.</strong> {claim.publicNote ?? ""}{" "}
          <a href="/corrections">{st(ui, "correctedLink")}</a>
        </p>
      ) : null}
      {props.changedAt ? <p class="changed-after">{t(ui, "changedAfter", { date: props.changedAt.slice(0, 10) })}</p> : null}
      <div class="explanation">{raw(renderExplanation(claim.explanation))}</div>
      {claim.sources.length ? (
        <details class="sources" open>
          <summary>
            {t(ui, "sources")} ({claim.sources.length})
          </summary>
          <ol>
            {claim.sources.map((s) => (
              <li>
                <a href={s.url} rel="nofollow noopener">
                  {s.title ?? s.url}
                </a>
                {s.publisher ? <span class="publisher"> — {s.publisher}</span> : null}
                {s.publishedAt ? <time datetime={s.publishedAt}> {s.publishedAt.slice(0, 10)}</time> : null}
                {s.quote ? <blockquote class="source-quote">{s.quote}</blockquote> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <p class="permalink">
        <a href={`/claims/${claim.id}`}>{t(ui, "permalink")}</a>
        <time datetime={claim.publishedAt}> · {publicStateLabel("published", ui)} {claim.publishedAt.slice(0, 10)}</time>
      </p>
    </article>
  );
}

/** A list of fact-checks, one line each: verdict, quote linking to its permalink, claimant and date. */
export function ClaimList(props: { items: { claim: PublicClaim; article: PublicArticle }[]; ui: UiLanguage; scale: Scale }) {
  return (
    <ul class="claim-list">
      {props.items.map(({ claim, article }) => (
        <li>
          <VerdictBadge ratingKey={claim.ratingKey} ui={props.ui} scale={props.scale} />{" "}
          <a href={`/claims/${claim.id}`} lang={article.language}>
            “{claim.exact}”
          </a>
          <span class="meta">
            {" "}
            — {claim.claimant ? `${claim.claimant.name}, ` : ""}
            <time datetime={claim.publishedAt}>{claim.publishedAt.slice(0, 10)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A list of articles, each linking to its public page, with a line under it (a count, a snippet). */
export function ArticleList(props: { items: (PublicArticle & { detail: string })[]; detailClass: string }) {
  return (
    <ul class="article-list">
      {props.items.map((a) => (
        <li>
          <a href={`/articles/${a.slug}`} lang={a.language}>
            {a.title}
          </a>
          <p class={props.detailClass} lang={props.detailClass === "snippet" ? a.language : undefined}>
            {a.detail}
          </p>
        </li>
      ))}
    </ul>
  );
}
