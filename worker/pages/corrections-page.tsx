import type { UiLanguage } from "../../schema/enums";
import { Layout } from "./layout";
import { st } from "./site-strings";
import { correctionsPolicy } from "./site-texts";

/** The corrections policy; every corrected or retracted fact-check links here. */
export function CorrectionsPage(props: { ui: UiLanguage }) {
  const { ui } = props;
  return (
    <Layout title={st(ui, "corrections")} ui={ui} path="/corrections">
      <h1>{st(ui, "corrections")}</h1>
      <p class="lead">{st(ui, "correctionsIntro")}</p>
      {correctionsPolicy[ui].map((p) => (
        <p>{p}</p>
      ))}
      <p>
        <a href="/contact">{st(ui, "contact")}</a>
      </p>
    </Layout>
  );
}
