import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Refusal } from "../../schema/workflow";

/** The one error shape of the API: `{ error: { code, message, details? } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

interface ApiErrorCause {
  code: string;
  details?: unknown;
  headers?: Record<string, string>;
}

/** An HTTPException that `onError` renders as the API's error shape. */
export function apiError(
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details?: unknown,
  headers?: Record<string, string>,
) {
  return new HTTPException(status, { message, cause: { code, details, headers } satisfies ApiErrorCause });
}

const defaultCodes: Partial<Record<number, string>> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  412: "precondition_failed",
  413: "payload_too_large",
  429: "rate_limited",
};

/** app.onError: HTTPExceptions become the error shape; anything else is logged and hidden behind a 500. */
export function onError(err: Error, c: Context) {
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
  console.error(err);
  return c.json({ error: { code: "internal", message: "Something went wrong on our side." } } satisfies ApiErrorBody, 500);
}

/** app.notFound */
export function notFound(c: Context) {
  return c.json({ error: { code: "not_found", message: `No route for ${c.req.method} ${c.req.path}.` } } satisfies ApiErrorBody, 404);
}

/**
 * The one place a refusal of schema/workflow.ts becomes HTTP: `forbidden` is 403, `conflict` 409
 * with `conflictCode`. Throws when the decision refuses; returns it narrowed when it allows.
 */
export function enforce<D extends { ok: boolean }>(decision: D, conflictCode = "conflict"): Extract<D, { ok: true }> {
  if (decision.ok) return decision as Extract<D, { ok: true }>;
  const refusal = decision as unknown as Refusal;
  throw apiError(refusal.kind === "forbidden" ? 403 : 409, refusal.kind === "forbidden" ? "forbidden" : conflictCode, refusal.reason);
}
