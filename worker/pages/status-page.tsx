import type { UiLanguage } from "../../schema/enums";
import { Layout } from "./layout";
import { st, type SiteMessage } from "./site-strings";

export type StatusKind = "notFound" | "badRequest" | "error";

export interface StatusPageProps {
  kind: StatusKind;
  ui: UiLanguage;
  path: string;
  /** What the reader searched for, kept in the form (a refused search). */
  query?: string;
  /** What was wrong with the request, each in the reader's language (a refused search). */
  problems?: SiteMessage[];
}

const words: Record<StatusKind, { title: SiteMessage; text: SiteMessage }> = {
  notFound: { title: "notFoundTitle", text: "notFoundText" },
  badRequest: { title: "badSearchTitle", text: "badSearchText" },
  error: { title: "errorTitle", text: "errorText" },
};

/** The public 404, 400 and error pages: the site's layout (search in the header, footer links), in the reader's language. */
export function StatusPage(props: StatusPageProps) {
  const { ui } = props;
  const title = st(ui, words[props.kind].title);
  return (
    <Layout title={title} ui={ui} path={props.path}>
      <h1>{title}</h1>
      <p>{st(ui, words[props.kind].text)}</p>
      {props.problems?.length ? (
        <ul class="status-problems">
          {props.problems.map((p) => (
            <li>{st(ui, p)}</li>
          ))}
        </ul>
      ) : null}
      <form class="search search-page" action="/search" method="get" role="search">
        <label for="q-status">{st(ui, "searchAgain")}</label>
        <input id="q-status" name="q" type="search" value={props.query ?? ""} />
        <button type="submit">{st(ui, "searchButton")}</button>
      </form>
      <p>
        <a href="/">{st(ui, "home")}</a>
      </p>
    </Layout>
  );
}

/** The status page as a document. */
export const statusPageHtml = (props: StatusPageProps) => `<!doctype html>${<StatusPage {...props} />}`;
