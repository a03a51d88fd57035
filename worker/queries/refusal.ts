import type { RefusalCode } from "../../schema/refusal-codes";
import type { Refusal } from "../../schema/workflow";

/** Why a query or a route refuses, in the API's terms; `onError` (http/errors.ts) gives each kind its status. */
export type RefusalKind = "invalid" | "forbidden" | "not_found" | "conflict" | "unprocessable";

/** A typed refusal. Queries throw it instead of an HTTP error, so that they know nothing of HTTP. */
export class Refused extends Error {
  constructor(
    readonly kind: RefusalKind,
    /** The API's error code, e.g. `stale_version`: stable, the workspace translates it. */
    readonly code: RefusalCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "Refused";
  }
}

/** A refusal to throw: `throw refuse("not_found", "not_found", "Claim 3 does not exist.")`. */
export function refuse(kind: RefusalKind, code: RefusalCode, message: string, details?: unknown): Refused {
  return new Refused(kind, code, message, details);
}

/**
 * A workflow decision's refusal (schema/workflow.ts): who you are is `forbidden`; the claim's state
 * is a conflict, under `conflictCode` (`not_editable`, `invalid_transition`).
 */
export function refusedBy(decision: Refusal, conflictCode: RefusalCode): Refused {
  // The decision's own stable code travels in details.refusal (with the values it names), for the workspace to translate.
  const details = { refusal: decision.code, ...(decision.vars ? { vars: decision.vars } : {}) };
  return decision.kind === "forbidden" ? refuse("forbidden", "forbidden", decision.reason, details) : refuse("conflict", conflictCode, decision.reason, details);
}
