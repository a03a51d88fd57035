import { Hono, type Context } from "hono";
import { tipForm } from "../../schema/site-inputs";
import { withLabelOverrides } from "../../schema/rating-scale";
import { countTip } from "../auth/rate-limit";
import type { AppEnv } from "../env";
import { AboutPage } from "../pages/about-page";
import { ContactPage, type ContactState, type TipField } from "../pages/contact-page";
import { CorrectionsPage } from "../pages/corrections-page";
import { pickUiLanguage } from "../pages/i18n";
import { MethodologyPage } from "../pages/methodology-page";
import { st, type SiteMessage } from "../pages/site-strings";
import { publicVersionOf, versionIn } from "../queries/public";
import { methodologyData, publicAbout, saveTip } from "../queries/site";
import { html, servePage, uiLanguage } from "./public-pages";

/** The message each field's refusal shows, in the reader's language. */
const fieldMessages: Record<TipField, SiteMessage> = { claim: "errClaim", url: "errUrl", message: "errMessage", contact: "errContact" };

/**
 * A form post from one of our own pages: browsers send Origin with every POST form (Sec-Fetch-Site
 * where they do not). There is no session to steal here; this keeps other sites from posting tips
 * in their visitors' names. The honeypot field catches simple robots.
 */
function fromOurPage(c: Context<AppEnv>) {
  const origin = c.req.header("origin");
  return origin ? origin === new URL(c.req.url).origin : c.req.header("sec-fetch-site") === "same-origin";
}

export const sitePages = new Hono<AppEnv>()
  .get("/methodology", (c) => {
    const ui = uiLanguage(c);
    return servePage(c, `methodology:${ui}`, async () => {
      const { overrides, examples, version } = await methodologyData(c.get("db"));
      return { version, body: html(<MethodologyPage scale={withLabelOverrides(overrides)} examples={examples} ui={ui} />) };
    });
  })
  .get("/corrections", (c) => {
    const ui = uiLanguage(c);
    return servePage(c, `corrections:${ui}`, async () => {
      const [version] = await c.get("db").batch([publicVersionOf(c.get("db"))]);
      return { version: versionIn(version), body: html(<CorrectionsPage ui={ui} />) };
    });
  })
  .get("/about", (c) => {
    const ui = uiLanguage(c);
    return servePage(c, `about:${ui}`, async () => {
      const { content, version } = await publicAbout(c.get("db"));
      return { version, body: html(<AboutPage content={content} ui={ui} />) };
    });
  })
  .get("/contact", (c) => {
    const ui = uiLanguage(c);
    const sent = c.req.query("sent") === "1";
    return servePage(c, `contact:${ui}:${sent}`, async () => {
      const [version] = await c.get("db").batch([publicVersionOf(c.get("db"))]);
      const state: ContactState = sent ? { notice: { kind: "sent", text: st(ui, "thanks") } } : {};
      return { version: versionIn(version), body: html(<ContactPage ui={ui} state={state} />) };
    });
  })
  .post("/contact", async (c) => {
    const raw = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const text = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
    const ui = pickUiLanguage(text("lang"), undefined, c.req.header("accept-language"));
    const values = { claim: text("claim"), url: text("url"), message: text("message"), contact: text("contact") };
    const page = (status: 400 | 403 | 429, state: ContactState, headers?: Record<string, string>) =>
      c.html(html(<ContactPage ui={ui} state={{ values, ...state }} />), status, { "cache-control": "no-store", ...headers });
    if (!fromOurPage(c)) return page(403, { notice: { kind: "refused", text: st(ui, "formExpired") } });
    const client = c.req.header("cf-connecting-ip") ?? "local";
    const waitSeconds = await countTip(c.get("db"), client);
    if (waitSeconds > 0) return page(429, { notice: { kind: "refused", text: st(ui, "tooMany", { minutes: String(Math.ceil(waitSeconds / 60)) }) } }, { "retry-after": String(waitSeconds) });
    const parsed = tipForm.safeParse({ ...values, website: text("website"), lang: ui });
    if (!parsed.success) {
      const errors: ContactState["errors"] = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as TipField;
        if (field in fieldMessages) errors[field] = fieldMessages[field];
      }
      return page(400, { errors });
    }
    // A robot filled the hidden field: answer as if sent, keep nothing.
    if (!parsed.data.website) await saveTip(c.get("db"), parsed.data, ui);
    return c.redirect(`/contact?sent=1&lang=${ui}`, 303);
  });
