import type { UiLanguage } from "../../schema/enums";
import type { Scale } from "../../schema/rating-scale";
import type { PublicArticle, PublicClaim } from "../domain/public-view";
import { VerdictBadge } from "./claim-card";
import { format } from "../../schema/format";
import { t } from "./i18n";
import { Layout } from "./layout";

/**
 * A claimant's public track record: counts by verdict over all their fact-checks, then one page of
 * them (newest first, grouped by verdict in the order of the rating scale), with links to the others.
 */
export function ClaimantPage(props: {
  claimant: { id: number; name: string; description: string | null };
  counts: Record<string, number>;
  total: number;
  page: number;
  pages: number;
  items: { claim: PublicClaim; article: PublicArticle }[];
  ui: UiLanguage;
  scale: Scale;
}) {
  const { ui, scale, page, pages } = props;
  const path = `/claimants/${props.claimant.id}`;
  const totals = scale.filter((r) => props.counts[r.key]);
  const groups = scale.map((r) => ({ key: r.key, items: props.items.filter((i) => i.claim.ratingKey === r.key) })).filter((g) => g.items.length);
  return (
    <Layout title={page > 1 ? `${props.claimant.name} (${page}/${pages})` : props.claimant.name} ui={ui} path={page > 1 ? `${path}?page=${page}` : path}>
      <h1>{props.claimant.name}</h1>
      {props.claimant.description ? <p>{props.claimant.description}</p> : null}
      <h2>{t(ui, "trackRecord")}</h2>
      <ul class="track-record">
        {totals.map((r) => (
          <li>
            <VerdictBadge ratingKey={r.key} ui={ui} scale={scale} /> {props.counts[r.key]}
          </li>
        ))}
      </ul>
      {groups.map((g) => (
        <section aria-label={g.key}>
          <h3>
            <VerdictBadge ratingKey={g.key} ui={ui} scale={scale} />
          </h3>
          <ul class="claim-list">
            {g.items.map(({ claim, article }) => (
              <li>
                <a href={`/claims/${claim.id}`} lang={article.language}>
                  “{claim.exact}”
                </a>
                <span class="meta"> — {article.title}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {pages > 1 ? (
        <nav class="pager" aria-label={t(ui, "pages")}>
          {page > 1 ? <a rel="prev" href={page === 2 ? path : `${path}?page=${page - 1}`}>{t(ui, "newer")}</a> : null}
          <span>{format(t(ui, "pageOf"), { page: String(page), pages: String(pages) })}</span>
          {page < pages ? <a rel="next" href={`${path}?page=${page + 1}`}>{t(ui, "older")}</a> : null}
        </nav>
      ) : null}
    </Layout>
  );
}
