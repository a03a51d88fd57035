/**
 * A D1 binding that fails on purpose, for tests: a Proxy (like worker/d1-round-trips.ts) that numbers every
 * round trip (a statement run, a batch, an exec) and asks a plan whether that one fails. A failing round
 * trip never reaches the database, and rejects with the error D1 itself gives, after a delay for a timeout.
 */

/** Messages D1 rejects with when its storage fails (Cloudflare documents them as retryable). */
export const d1Failures = {
  lost: "D1_ERROR: Network connection lost.",
  timeout: "D1_ERROR: D1 DB storage operation exceeded timeout which caused object to be reset.",
  overloaded: "D1_ERROR: D1 DB is overloaded. Requests queued for too long.",
} as const;

export interface RoundTrip {
  /** 1 for the first round trip through this binding, then 2, 3 … */
  n: number;
  kind: "statement" | "batch" | "exec";
}

export interface Failure {
  message: string;
  /** How long the round trip hangs before it rejects (a timeout); 0 rejects at once. */
  delayMs?: number;
}

export type FaultPlan = (trip: RoundTrip) => Failure | null;

/** The faults the tests inject. */
export const faults = {
  /** Every batch fails; single statements (reads) go through. */
  failedBatch: (): FaultPlan => (trip) => (trip.kind === "batch" ? { message: d1Failures.lost } : null),
  /** The first `ok` round trips succeed; every later one fails. */
  failAfter: (ok = 1): FaultPlan => (trip) => (trip.n > ok ? { message: d1Failures.lost } : null),
  /** Round trip `at` and every later one hang for `delayMs`, then reject as a D1 timeout does. */
  timeout: (at = 2, delayMs = 50): FaultPlan => (trip) => (trip.n >= at ? { message: d1Failures.timeout, delayMs } : null),
  none: (): FaultPlan => () => null,
};

function reject(failure: Failure): Promise<never> {
  // D1's errors carry its message twice: prefixed on the error, bare on its cause.
  const error = new Error(failure.message, { cause: new Error(failure.message.replace(/^D1_ERROR: /, "")) });
  return new Promise((_, fail) => setTimeout(() => fail(error), failure.delayMs ?? 0));
}

/** `d1` with `plan` deciding which round trips fail; `trips()` says how many were asked for, `failed()` how many failed. */
export function faultyD1(d1: D1Database, plan: FaultPlan) {
  let trips = 0;
  let failed = 0;
  const originals = new WeakMap<object, D1PreparedStatement>();
  const runners = new Set(["first", "all", "run", "raw"]);
  const attempt = <T>(kind: RoundTrip["kind"], go: () => Promise<T>): Promise<T> => {
    const failure = plan({ n: ++trips, kind });
    if (!failure) return go();
    failed++;
    return reject(failure);
  };
  const wrapStatement = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop === "bind") return (...args: unknown[]) => wrapStatement(target.bind(...args));
        if (typeof prop === "string" && runners.has(prop)) {
          return (...args: unknown[]) => attempt("statement", () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
        }
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    originals.set(proxy, statement);
    return proxy;
  };
  // The binding and its sessions (env.DB.withSession) are wrapped alike, counting in one sequence.
  const wrapDatabase = <D extends D1Database | D1DatabaseSession>(target: D): D =>
    new Proxy(target, {
      get(t, prop) {
        if (prop === "prepare") return (query: string) => wrapStatement(t.prepare(query));
        if (prop === "batch") {
          return (statements: D1PreparedStatement[]) => attempt("batch", () => t.batch(statements.map((s) => originals.get(s) ?? s)));
        }
        if (prop === "exec") return (query: string) => attempt("exec", () => (t as D1Database).exec(query));
        if (prop === "withSession") return (...args: unknown[]) => wrapDatabase((t as D1Database).withSession(...(args as [string])));
        const value = Reflect.get(t, prop, t);
        return typeof value === "function" ? value.bind(t) : value;
      },
    });
  return { d1: wrapDatabase(d1), trips: () => trips, failed: () => failed };
}
