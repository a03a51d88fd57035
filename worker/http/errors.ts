import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import type { RefusalCode } from "../../schema/refusal-codes";
import type { Refusal } from "../../schema/workflow";
import { Refused, refusedBy, type RefusalKind } from "../queries/refusal";
import { isStorageFailure, retryAfterSeconds } from "./unavailable";
import { readerLanguage } from "../pages/i18n";
import { statusPageHtml, type StatusKind, type StatusPageProps } from "../pages/status-page";

/** A request for a public page (not the API): its 404 and error pages are HTML in the site's layout. */
const wantsPage = (c: Context) => !c.req.path.startsWith("/api/") && c.req.path !== "/api" && c.req.method === "GET";

const statusOf = { notFound: 404, badRequest: 400, error: 500 } as const satisfies Record<StatusKind, ContentfulStatusCode>;

/** The site's own 404, 400 or error page, in the reader's language. */
export function statusPage(c: Context, kind: StatusKind, more: Pick<StatusPageProps, "query" | "problems"> = {}) {
  const ui = readerLanguage(c.req.query("lang"), c.req.header("cookie"), c.req.header("accept-language"));
  return c.html(statusPageHtml({ kind, ui, path: c.req.path, ...more }), statusOf[kind], { "cache-control": "no-store" });
}

/** The one error shape of the API: `{ error: { code, message, details? } }` (the OpenAPI document states it from here). */
export const apiErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;

interface ApiErrorCause {
  code: string;
  details?: unknown;
  headers?: Record<string, string>;
}

/** An HTTPException that `onError` renders as the API's error shape. */
export function apiError(
  status: ContentfulStatusCode,
  code: RefusalCode,
  message: string,
  details?: unknown,
  headers?: Record<string, string>,
) {
  return new HTTPException(status, { message, cause: { code, details, headers } satisfies ApiErrorCause });
}

const defaultCodes: Partial<Record<number, RefusalCode>> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  412: "precondition_failed",
  413: "payload_too_large",
  429: "rate_limited",
};

/** The one place where a refusal becomes an HTTP status. */
const refusalStatus: Record<RefusalKind, ContentfulStatusCode> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
};

/**
 * app.onError: refusals and HTTPExceptions become the error shape; a D1 storage failure is a 503 the client
 * may retry (every write is one batch: all of it was stored or none); anything else is logged and hidden behind a 500.
 */
export function onError(err: Error, c: Context) {
  if (err instanceof Refused) {
    const body: ApiErrorBody = { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
    return c.json(body, refusalStatus[err.kind]);
  }
  if (err instanceof HTTPException) {
    const cause = (err.cause ?? {}) as Partial<ApiErrorCause>;
    const status = err.status as ContentfulStatusCode;
    const body: ApiErrorBody = {
      error: {
        code: cause.code ?? defaultCodes[status] ?? "error",
        message: err.message || (err.res ? err.res.statusText : "") || "Request refused.",
        ...(cause.details === undefined ? {} : { details: cause.details }),
      },
    };
    return c.json(body, status, cause.headers);
  }
  if (isStorageFailure(err)) {
    const body: ApiErrorBody = { error: { code: "unavailable", message: "The database is unavailable for a moment. Try again shortly." } };
    return c.json(body, 503, { "Retry-After": String(retryAfterSeconds) });
  }
  console.error(err);
  if (wantsPage(c)) return statusPage(c, "error");
  return c.json({ error: { code: "internal", message: "Something went wrong on our side." } } satisfies ApiErrorBody, 500);
}

/** app.notFound */
export function notFound(c: Context) {
  if (wantsPage(c)) return statusPage(c, "notFound");
  return c.json({ error: { code: "not_found", message: `No route for ${c.req.method} ${c.req.path}.` } } satisfies ApiErrorBody, 404);
}

/**
 * The one place a refusal of schema/workflow.ts becomes HTTP: `forbidden` is 403, `conflict` 409
 * with `conflictCode`. Throws when the decision refuses; returns it narrowed when it allows.
 */
export function enforce<D extends { ok: boolean }>(decision: D, conflictCode: RefusalCode = "conflict"): Extract<D, { ok: true }> {
  if (decision.ok) return decision as Extract<D, { ok: true }>;
  throw refusedBy(decision as unknown as Refusal, conflictCode);
}
