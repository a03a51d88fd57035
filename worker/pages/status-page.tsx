import type { UiLanguage } from "../../schema/enums";
import { Layout } from "./layout";
import { st } from "./site-strings";

/** The public 404 and error pages: the site's layout (search in the header, footer links), in the reader's language. */
export function StatusPage(props: { kind: "notFound" | "error"; ui: UiLanguage; path: string }) {
  const { ui } = props;
  const title = st(ui, props.kind === "notFound" ? "notFoundTitle" : "errorTitle");
  return (
    <Layout title={title} ui={ui} path={props.path}>
      <h1>{title}</h1>
      <p>{st(ui, props.kind === "notFound" ? "notFoundText" : "errorText")}</p>
      <form class="search search-page" action="/search" method="get" role="search">
        <label for="q-status">{st(ui, "searchAgain")}</label>
        <input id="q-status" name="q" type="search" />
        <button type="submit">{st(ui, "searchButton")}</button>
      </form>
      <p>
        <a href="/">{st(ui, "home")}</a>
      </p>
    </Layout>
  );
}

/** The status page as a document. */
export const statusPageHtml = (props: { kind: "notFound" | "error"; ui: UiLanguage; path: string }) => `<!doctype html>${<StatusPage {...props} />}`;
