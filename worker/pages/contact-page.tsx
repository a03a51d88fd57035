import type { UiLanguage } from "../../schema/enums";
import { Layout } from "./layout";
import { st, type SiteMessage } from "./site-strings";

export type TipField = "claim" | "url" | "message" | "contact";
export interface ContactState {
  values?: Partial<Record<TipField, string>>;
  errors?: Partial<Record<TipField, SiteMessage>>;
  /** A message above the form: sent, too many, or not from our site. */
  notice?: { kind: "sent" | "refused"; text: string };
}

function Field(props: { name: TipField; label: string; ui: UiLanguage; state: ContactState; multiline?: boolean; type?: string; required?: boolean }) {
  const error = props.state.errors?.[props.name];
  const value = props.state.values?.[props.name] ?? "";
  const describedBy = error ? `${props.name}-error` : undefined;
  return (
    <p class="field">
      <label for={`tip-${props.name}`}>{props.label}</label>
      {props.multiline ? (
        <textarea id={`tip-${props.name}`} name={props.name} rows={props.name === "claim" ? 4 : 3} required={props.required} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy}>
          {value}
        </textarea>
      ) : (
        <input id={`tip-${props.name}`} name={props.name} type={props.type ?? "text"} value={value} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy} />
      )}
      {error ? (
        <span id={describedBy} class="field-error">
          {st(props.ui, error)}
        </span>
      ) : null}
    </p>
  );
}

/** "Suggest a claim to check": a plain POST form that works without JavaScript. */
export function ContactPage(props: { ui: UiLanguage; state?: ContactState }) {
  const { ui } = props;
  const state = props.state ?? {};
  const errors = Object.values(state.errors ?? {});
  return (
    <Layout title={st(ui, "contact")} ui={ui} path="/contact">
      <h1>{st(ui, "contact")}</h1>
      {state.notice ? (
        <p class={`notice notice-${state.notice.kind}`} role={state.notice.kind === "sent" ? "status" : "alert"}>
          {state.notice.text}
        </p>
      ) : null}
      {errors.length ? (
        <div class="notice notice-refused" role="alert">
          <p>{st(ui, "formErrors")}</p>
          <ul>
            {errors.map((e) => (
              <li>{st(ui, e)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{st(ui, "contactIntro")}</p>
      <form class="tip-form" action="/contact" method="post">
        <input type="hidden" name="lang" value={ui} />
        <Field name="claim" label={st(ui, "tipClaim")} ui={ui} state={state} multiline required />
        <Field name="url" label={st(ui, "tipUrl")} ui={ui} state={state} type="url" />
        <Field name="message" label={st(ui, "tipMessage")} ui={ui} state={state} multiline />
        <Field name="contact" label={st(ui, "tipContact")} ui={ui} state={state} />
        <p class="honeypot" aria-hidden="true">
          <label for="tip-website">{st(ui, "honeypot")}</label>
          <input id="tip-website" name="website" type="text" tabindex={-1} autocomplete="off" />
        </p>
        <p>
          <button type="submit">{st(ui, "send")}</button>
        </p>
      </form>
    </Layout>
  );
}
