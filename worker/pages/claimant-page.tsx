import type { UiLanguage } from "../../schema/enums";
import type { Scale } from "../../schema/rating-scale";
import type { PublicArticle, PublicClaim } from "../domain/public-view";
import { VerdictBadge } from "./claim-card";
import { t } from "./i18n";
import { Layout } from "./layout";

/** A claimant's public fact-checks, grouped by verdict in the order of the rating scale. */
export function ClaimantPage(props: { claimant: { id: number; name: string; description: string | null }; items: { claim: PublicClaim; article: PublicArticle }[]; ui: UiLanguage; scale: Scale }) {
  const { ui, scale } = props;
  const groups = scale.map((r) => ({ key: r.key, items: props.items.filter((i) => i.claim.ratingKey === r.key) })).filter((g) => g.items.length);
  return (
    <Layout title={props.claimant.name} ui={ui} path={`/claimants/${props.claimant.id}`}>
      <h1>{props.claimant.name}</h1>
      {props.claimant.description ? <p>{props.claimant.description}</p> : null}
      <h2>{t(ui, "trackRecord")}</h2>
      <ul class="track-record">
        {groups.map((g) => (
          <li>
            <VerdictBadge ratingKey={g.key} ui={ui} scale={scale} /> {g.items.length}
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
    </Layout>
  );
}
