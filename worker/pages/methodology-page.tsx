import type { UiLanguage } from "../../schema/enums";
import type { Scale } from "../../schema/rating-scale";
import { VerdictBadge } from "./claim-card";
import { Layout } from "./layout";
import { st } from "./site-strings";
import { methodologySteps, ratingMeanings } from "./site-texts";

export interface MethodologyExample {
  id: number;
  ratingKey: string | null;
  exact: string;
  language: string;
}

/** How we check, and the rating scale in the admins' wording, each rating with what it means and a published example. */
export function MethodologyPage(props: { scale: Scale; examples: MethodologyExample[]; ui: UiLanguage }) {
  const { ui, scale } = props;
  return (
    <Layout title={st(ui, "methodology")} ui={ui} path="/methodology">
      <h1>{st(ui, "methodology")}</h1>
      <h2>{st(ui, "howWeWork")}</h2>
      <ol class="steps">
        {methodologySteps[ui].map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <h2 id="scale">{st(ui, "scaleHeading")}</h2>
      <p>{st(ui, "scaleIntro")}</p>
      <dl class="scale">
        {scale.map((rating) => {
          const example = props.examples.find((e) => e.ratingKey === rating.key);
          return (
            <div class="scale-step" id={`rating-${rating.key}`}>
              <dt>
                <VerdictBadge ratingKey={rating.key} ui={ui} scale={scale} />
              </dt>
              <dd>
                <p>{ratingMeanings[ui][rating.key]}</p>
                {example ? (
                  <p class="example">
                    {st(ui, "example")}:{" "}
                    <a href={`/claims/${example.id}`} lang={example.language}>
                      “{example.exact}”
                    </a>
                  </p>
                ) : (
                  <p class="example meta">{st(ui, "noExample")}</p>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </Layout>
  );
}
