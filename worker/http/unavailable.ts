/**
 * D1 failures that say nothing about the request: the storage was unreachable, overloaded, reset or too
 * slow. The request may be retried as it was, so the API answers 503 with Retry-After, not 500. The
 * messages are those D1 documents as retryable; SQL errors (a constraint, a syntax error) are not here.
 */
const transientD1 = [
  /network connection lost/i,
  /object to be reset/i,
  /reset because its code was updated/i,
  /\boverloaded\b/i,
  /exceeded timeout/i,
  /transient issue/i,
  /client disconnected/i,
  /D1_ERROR: Internal error\b/i,
  /\bSQLITE_(BUSY|IOERR|LOCKED)\b/,
];

/** Seconds a client should wait before trying again after a storage failure. */
export const retryAfterSeconds = 1;

/**
 * Is this error, or one it was caused by, a D1 storage failure? drizzle wraps D1's error in a
 * DrizzleQueryError whose message is the query; D1's own message is on its `cause` chain.
 */
export function isStorageFailure(err: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = err; e instanceof Error && !seen.has(e); e = e.cause) {
    seen.add(e);
    if (transientD1.some((pattern) => pattern.test(e.message))) return true;
  }
  return false;
}
