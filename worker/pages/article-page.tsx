import { ratingFor, ratingLabel } from "../../schema/rating-scale";
import type { UiLanguage } from "../../schema/enums";
import { highlightParagraphs } from "../domain/highlight";
import type { PublicArticle, PublicClaim } from "../domain/public-view";
import { Layout } from "./layout";

/** An annotated article: highlights link to their verdict cards, so everything works without JavaScript. */
export function ArticlePage(props: { article: PublicArticle; text: string; claims: PublicClaim[]; ui: UiLanguage }) {
  const { article, claims, ui } = props;
  const byId = new Map(claims.map((c) => [c.id, c]));
  const paragraphs = highlightParagraphs(props.text, claims);
  const lastSegmentOf = new Map<number, string>();
  paragraphs.forEach((segments, p) =>
    segments.forEach((s, k) => s.ids.forEach((id) => lastSegmentOf.set(id, `${p}:${k}`))),
  );
  return (
    <Layout title={article.title} lang={ui}>
      <article lang={article.language} class="article">
        <h1>{article.title}</h1>
        <p class="meta">
          {article.publisher ? <span>{article.publisher}</span> : null}
          {article.publishedAt ? <time datetime={article.publishedAt}>{article.publishedAt}</time> : null}
        </p>
        {paragraphs.map((segments, p) => (
          <p>
            {segments.map((s, k) => {
              if (s.ids.length === 0) return s.text;
              const claim = byId.get(s.ids[s.ids.length - 1])!;
              const tone = ratingFor(claim.ratingKey)?.tone ?? "neutral";
              const labels = s.ids.filter((id) => lastSegmentOf.get(id) === `${p}:${k}`);
              return (
                <>
                  <a href={`#claim-${claim.id}`} class={`hl tone-${tone}${s.ids.length > 1 ? " overlap" : ""}`} data-claim={s.ids.join(" ")}>
                    <mark>{s.text}</mark>
                  </a>
                  {labels.map((id) => (
                    <a href={`#claim-${id}`} class="verdict-tag">
                      {ratingLabel(byId.get(id)!.ratingKey, ui)}
                    </a>
                  ))}
                </>
              );
            })}
          </p>
        ))}
      </article>
      <section class="claims" aria-label="Fact-checks">
        {claims.map((claim) => (
          <article id={`claim-${claim.id}`} class="claim-card">
            <p class="verdict">{ratingLabel(claim.ratingKey, ui)}</p>
            <blockquote lang={article.language}>{claim.exact}</blockquote>
            {claim.claimant ? <p class="claimant">{claim.claimant.name}</p> : null}
            <a href={`/claims/${claim.id}`}>Permalink</a>
          </article>
        ))}
      </section>
    </Layout>
  );
}
