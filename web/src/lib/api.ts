/**
 * The typed API client. Request and response shapes come from the worker's routes through hono's
 * `hc`, so nothing here retypes them; `unwrap` turns the one error shape into an exception.
 */
import { hc, type ClientResponse, type InferResponseType } from "hono/client";
import type { AppType } from "../../../worker/app";
import { inputProblems, problemSentence } from "./field-errors";
import { messageFor } from "./i18n";

/** The client for /api. */
export const api = hc<AppType>("/api", { init: { credentials: "same-origin" } });

/** An API error, with the server's code, message and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Success<R> = R extends ClientResponse<infer T, infer S, "json"> ? (S extends 200 | 201 ? T : never) : never;

/** Await a client call; resolve to its JSON body, or throw an ApiError with the server's message. */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(call: Promise<R>): Promise<Success<R>> {
  let res: R;
  try {
    res = await call;
  } catch {
    throw new ApiError(0, "network", "The server cannot be reached. Check the connection and try again.");
  }
  if (res.status === 204) return undefined as Success<R>;
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!res.ok) {
    const err = body?.error;
    if (res.status === 401) window.dispatchEvent(new CustomEvent("factline:unauthenticated"));
    throw new ApiError(res.status, err?.code ?? "error", err?.message ?? `Request failed (${res.status}).`, err?.details);
  }
  return body as Success<R>;
}

/**
 * The message to show for any thrown error: a refusal's stable code (`details.refusal`, else `code`)
 * in the workspace's language when lib/messages has it, else the server's own message.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    // Bad input: the first problem as a sentence (forms that know their fields show each under it, see field-errors.ts).
    const [problem] = inputProblems(err);
    if (problem) return problemSentence(problem);
    const details = err.details as { refusal?: unknown; retryAfter?: unknown; vars?: Record<string, string | number> } | undefined;
    const refusal = details?.refusal;
    // A lockout says how long the wait is, in whole minutes.
    const minutes = typeof details?.retryAfter === "number" ? Math.max(1, Math.ceil(details.retryAfter / 60)) : "";
    const vars = { ...(details?.vars ?? {}), minutes };
    const translated = (typeof refusal === "string" ? messageFor(`refusal_${refusal}`, vars) : null) ?? messageFor(`refusal_${err.code}`, vars);
    if (translated) return translated;
  }
  return err instanceof Error ? err.message : String(err);
}

/** A decision the API returned (`{ok, reason, code, vars}`) as a sentence in the workspace's language, the server's reason as fallback. */
export function refusalText(decision: { reason?: string | null; code?: string | null; vars?: Record<string, string | number> }): string {
  return (decision.code ? messageFor(`refusal_${decision.code}`, decision.vars ?? {}) : null) ?? decision.reason ?? "";
}

export type ClaimDetailResponse = InferResponseType<(typeof api.claims)[":id"]["$get"], 200>;
export type ClaimDetail = ClaimDetailResponse["claim"];
export type WorkflowActionInfo = ClaimDetailResponse["actions"][number];
export type ArticleResponse = InferResponseType<(typeof api.articles)[":id"]["$get"], 200>;
export type ArticleClaim = InferResponseType<(typeof api.articles)[":id"]["claims"]["$get"], 200>["items"][number];
export type ClaimListItem = InferResponseType<typeof api.claims.$get, 200>["items"][number];
export type ArticleListItem = InferResponseType<typeof api.articles.$get, 200>["items"][number];
export type Me = InferResponseType<typeof api.auth.me.$get, 200>["user"];
export type UserItem = InferResponseType<typeof api.users.$get, 200>["items"][number];
export type AnchorHistoryStep = InferResponseType<(typeof api.claims)[":id"]["anchor-history"]["$get"], 200>["steps"][number];
export type HistoryItem = InferResponseType<(typeof api.claims)[":id"]["history"]["$get"], 200>["items"][number];
export type CommentItem = InferResponseType<(typeof api.claims)[":id"]["comments"]["$get"], 200>["items"][number];
export type RevisionResult = InferResponseType<(typeof api.articles)[":id"]["$put"]>;
export type RevisionItem = InferResponseType<(typeof api.articles)[":id"]["revisions"]["$get"], 200>["items"][number];
export type UserTokenItem = InferResponseType<(typeof api.users)[":id"]["tokens"]["$get"], 200>["items"][number];
export type SearchResponse = InferResponseType<typeof api.search.$get, 200>;
export type SimilarFactCheck = InferResponseType<typeof api.match.$post, 200>["items"][number];
