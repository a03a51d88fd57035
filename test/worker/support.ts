import { env, exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { users } from "../../schema/tables";
import { createSession, sessionCookie } from "../../worker/auth/sessions";
import { getDb } from "../../worker/db";
import { forgetPublicPages } from "../../worker/http/public-memory";
import { hashPassword } from "../../worker/auth/crypto";
import { demoAccounts } from "../../worker/queries/users";

/** The password of every account in worker tests. */
export const testPassword = "test-password-123";
let passwordHash: Promise<string> | undefined;

export const origin = "http://factline.test";
export const db = () => getDb(env.DB);

/** The people every route test acts as; "public" is nobody. */
export type Who = "public" | "checker" | "checker2" | "editor" | "editor2" | "admin";

export interface Staff {
  id: number;
  cookie: string;
}

/** Tables in an order that deletes children before parents. */
const tablesChildFirst = [
  "audit_events", "webhook_deliveries", "webhooks", "source_watch", "watch_settings", "match_index", "claim_search", "external_fact_checks", "rating_labels", "suggestion_dismissals", "comments", "sources", "verdicts", "claim_anchor_steps", "claims", "claimants", "article_search", "article_bands", "article_minhash", "article_reprints",
  "article_revisions", "articles", "sessions", "api_tokens", "invitations", "login_attempts", "site_pages", "tips", "users", "write_guards",
];

/** Empty every table: storage is shared by the tests of a file, and each test starts from nothing. */
export async function resetDatabase() {
  // The app keeps public pages in this isolate's memory; a test that empties D1 under it starts it afresh.
  forgetPublicPages();
  await env.DB.batch([
    env.DB.prepare("update articles set current_revision_id = null"),
    ...tablesChildFirst.map((t) => env.DB.prepare(`delete from ${t}`)),
    // The deletes moved the public version on (migration 0025's triggers): start it afresh too.
    env.DB.prepare("update public_state set version = 1"),
  ]);
}

/** Demo accounts with live sessions, keyed by who they are. */
export async function signInStaff(): Promise<Record<Exclude<Who, "public">, Staff>> {
  await resetDatabase();
  // PBKDF2 at 100,000 iterations is slow on purpose; hash the test password once per file.
  passwordHash ??= hashPassword(testPassword);
  const hash = await passwordHash;
  await db().insert(users).values(demoAccounts.map((a) => ({ ...a, passwordHash: hash })));
  const entries = await Promise.all(
    (["checker", "checker2", "editor", "editor2", "admin"] as const).map(async (who) => {
      const email = `${who}@factline.local`;
      const user = await db().select().from(users).where(eq(users.email, email)).get();
      const { token } = await createSession(db(), user!.id);
      return [who, { id: user!.id, cookie: `${sessionCookie}=${token}` }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Exclude<Who, "public">, Staff>;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  as?: Staff | null;
  headers?: Record<string, string>;
}

/** Call the worker the way the browser app does: same origin, cookie session, JSON. */
export function call(path: string, options: CallOptions = {}) {
  return exports.default.fetch(request(path, options));
}

/** The Request `call` sends. */
export function request(path: string, options: CallOptions = {}) {
  const headers = new Headers(options.headers);
  if (options.as) headers.set("cookie", options.as.cookie);
  if (!headers.has("origin") && options.method && options.method !== "GET") headers.set("origin", origin);
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  return new Request(`${origin}${path}`, { method: options.method ?? "GET", headers, body });
}

/** The JSON body of a response, typed loosely for assertions. */
export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** A short demo article of our own, with a numeric claim. */
export const sampleArticle = [
  "Ministry Says Rural Schools Got 1,200 New Computers",
  "",
  "March 5, 2024",
  "",
  "The ministry said on Monday that 1,200 new computers reached rural schools this year.",
  "",
  "Critics said the number could not be checked, because no list of schools was published.",
  "",
  "Source: www.example.org",
].join("\n");

/** The W3C selector pair for the first occurrence of `exact` in `text`, positions in code points. */
export function selectorFor(text: string, exact: string) {
  const index = text.indexOf(exact);
  if (index < 0) throw new Error(`"${exact}" is not in the text`);
  const start = [...text.slice(0, index)].length;
  return [
    { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
    { type: "TextPositionSelector", start, end: start + [...exact].length },
  ];
}

/** Import an article as `as` and return it with its canonical text. */
export async function importArticle(text: string, as: Staff, sourceUrl?: string) {
  const { article } = await json(await call("/api/articles", { method: "POST", as, body: { text, sourceUrl } }));
  const { revision } = await json(await call(`/api/articles/${article.id}`, { as }));
  return { ...article, text: revision.text as string } as { id: number; slug: string; text: string; [k: string]: unknown };
}

/** Create a claim on `exact` and take it through the workflow to `until`. */
export async function claimThrough(
  article: { id: number; text: string },
  exact: string,
  until: "draft" | "in_review" | "approved" | "published",
  people: { checker: Staff; editor: Staff },
  content: Record<string, unknown> = {},
) {
  // A claim goes to review with a verdict; tests that care pass their own.
  const body = { selector: selectorFor(article.text, exact), ratingKey: "half-true", ...content };
  const created = await json(await call(`/api/articles/${article.id}/claims`, { method: "POST", as: people.checker, body }));
  let claim = created.claim;
  const steps = [["submit", people.checker], ["approve", people.editor], ["publish", people.editor]] as const;
  const stop = { draft: 0, in_review: 1, approved: 2, published: 3 }[until];
  for (const [action, as] of steps.slice(0, stop)) {
    const res = await call(`/api/claims/${claim.id}/transitions`, { method: "POST", as, body: { action, version: claim.version } });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${await res.text()}`);
    claim = (await json(res)).claim;
  }
  return claim as { id: number; version: number; state: string };
}
