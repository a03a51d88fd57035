import type { UiLanguage } from "../../schema/enums";
import { ratingFor, ratingLabel, type Scale } from "../../schema/rating-scale";
import { highlightParagraphs } from "../domain/highlight";
import type { PublicArticle, PublicClaim, SiteConfig } from "../domain/public-view";
import { ClaimCard } from "./claim-card";
import { t } from "./i18n";
import { ClaimReviewScripts } from "./json-ld";
import { Layout } from "./layout";

/** An annotated article. Each highlight links to its fact-check card, so everything works without JavaScript. */
export function ArticlePage(props: {
  article: PublicArticle;
  text: string;
  claims: PublicClaim[];
  placed: Set<number>;
  scale: Scale;
  revisedAt: string | null;
  ui: UiLanguage;
  site: SiteConfig;
}) {
  const { article, claims, ui, scale } = props;
  const byId = new Map(claims.map((c) => [c.id, c]));
  const paragraphs = highlightParagraphs(props.text, claims.filter((c) => props.placed.has(c.id)));
  // A claim's label goes after its last segment, so overlapping claims each keep their own label.
  const lastSegment = new Map<number, string>();
  paragraphs.forEach((segments, p) => segments.forEach((s, k) => s.ids.forEach((id) => lastSegment.set(id, `${p}:${k}`))));
  return (
    <Layout
      title={article.title}
      ui={ui}
      path={`/articles/${article.slug}`}
      head={
        <>
          <link rel="alternate" type='application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' href={`/articles/${article.slug}/annotations`} />
          <ClaimReviewScripts claims={claims} article={article} site={props.site} ui={ui} scale={scale} />
        </>
      }
    >
      <article lang={article.language} class="article">
        <h1>{article.title}</h1>
        <p class="meta">
          {article.publisher ? <span>{article.publisher}</span> : null}
          {article.author ? <span class="author">{article.author}</span> : null}
          {article.publishedAt ? <time datetime={article.publishedAt}>{article.publishedAt}</time> : null}
          {article.sourceUrl ? (
            <a href={article.sourceUrl} rel="nofollow noopener">
              {t(ui, "original")}
            </a>
          ) : null}
        </p>
        {paragraphs.map((segments, p) => (
          <p>
            {segments.map((s, k) => {
              if (s.ids.length === 0) return s.text;
              const top = byId.get(s.ids[s.ids.length - 1])!;
              const tone = ratingFor(top.ratingKey, scale)?.tone ?? "neutral";
              const ends = s.ids.filter((id) => lastSegment.get(id) === `${p}:${k}`);
              return (
                <>
                  <a href={`#claim-${top.id}`} class={`hl tone-${tone}${s.ids.length > 1 ? " overlap" : ""}`} data-claims={s.ids.join(" ")}>
                    <mark>{s.text}</mark>
                  </a>
                  {ends.map((id) => (
                    <a href={`#claim-${id}`} class={`verdict-tag tone-${ratingFor(byId.get(id)!.ratingKey, scale)?.tone ?? "neutral"}`} data-claim={id}>
                      {ratingLabel(byId.get(id)!.ratingKey, ui, scale)}
                    </a>
                  ))}
                </>
              );
            })}
          </p>
        ))}
      </article>
      <section class="claims" aria-labelledby="fact-checks">
        <h2 id="fact-checks">{t(ui, "factChecks")}</h2>
        {claims.map((claim) => (
          <ClaimCard claim={claim} article={article} ui={ui} scale={scale} changedAt={props.revisedAt && props.revisedAt > claim.publishedAt ? props.revisedAt : null} />
        ))}
      </section>
    </Layout>
  );
}
