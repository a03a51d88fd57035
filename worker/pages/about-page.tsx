import type { UiLanguage } from "../../schema/enums";
import { aboutSections, type AboutContent } from "../../schema/site-inputs";
import { Layout } from "./layout";
import { st } from "./site-strings";

/** Paragraphs of an admin's plain text: blank lines separate them; JSX escapes every character. */
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/** The about page: organisation, funding and team, as an admin wrote them in the workspace. */
export function AboutPage(props: { content: AboutContent; ui: UiLanguage }) {
  const { ui } = props;
  return (
    <Layout title={st(ui, "about")} ui={ui} path="/about">
      <h1>{st(ui, "about")}</h1>
      {aboutSections.map((section) => {
        const text = paragraphs(props.content[section][ui] || props.content[section].en);
        return (
          <section aria-labelledby={`about-${section}`}>
            <h2 id={`about-${section}`}>{st(ui, section)}</h2>
            {text.length ? text.map((p) => <p>{p}</p>) : <p class="meta">{st(ui, "aboutEmpty")}</p>}
          </section>
        );
      })}
    </Layout>
  );
}
