import { fillPlaceholders } from "drizzle-orm";
import type { Db } from "../db";

/**
 * Statements built once an isolate: their SQL, with placeholders where the values go, and the mapping
 * of D1's rows to drizzle's result, kept under a key naming the statement's shape.
 *
 * Building a select with joins and a dozen columns costs drizzle a few hundred microseconds of CPU
 * each time (measured: about 0.5 ms for the public search's claim statement), more than a request
 * for a page from memory costs. Pages built for each new input (a search) pay it on every request;
 * a prebuilt statement pays it once. The key must name everything the SQL text depends on (which
 * filters are present, how many values a list has); every value is a placeholder.
 */

/** What drizzle's `prepare()` gives for a query (D1's prepared query). */
interface Preparable<R> {
  prepare(): { all(): Promise<R>; getQuery(): { sql: string; params: unknown[] }; mapResult(response: unknown, isFromBatch?: boolean): unknown };
}

/** A prebuilt statement with its values: ready to send alone or in a batch. */
export interface Bound<R> {
  sql: string;
  params: unknown[];
  /** drizzle's result from D1's answer to this statement. */
  map: (result: D1Result) => R;
}

interface Built {
  sql: string;
  params: unknown[];
  map: (result: D1Result) => unknown;
}

const built = new Map<string, Built>();

/** The statement `build` makes (built the first time `key` is asked for), with `values` for its placeholders. */
export function prebuilt<Q extends Preparable<unknown>>(key: string, build: () => Q, values: Record<string, unknown> = {}): Bound<Awaited<ReturnType<ReturnType<Q["prepare"]>["all"]>>> {
  let statement = built.get(key);
  if (!statement) {
    const prepared = build().prepare();
    const query = prepared.getQuery();
    // mapResult reads only the query's fields, never the D1 statement it was prepared on.
    statement = { sql: query.sql, params: query.params, map: (result) => prepared.mapResult(result, true) };
    built.set(key, statement);
  }
  const map = statement.map as Bound<Awaited<ReturnType<ReturnType<Q["prepare"]>["all"]>>>["map"];
  return { sql: statement.sql, params: fillPlaceholders(statement.params, values), map };
}

type Results<T extends readonly Bound<unknown>[]> = { [K in keyof T]: T[K] extends Bound<infer R> ? R : never };

/** Prebuilt statements as one D1 batch (one round trip), each answer mapped as drizzle maps it. */
export async function runPrebuilt<const T extends readonly Bound<unknown>[]>(db: Db, statements: T): Promise<Results<T>> {
  const d1 = db.$client;
  const answers = await d1.batch(statements.map((s) => d1.prepare(s.sql).bind(...s.params)));
  return statements.map((s, i) => s.map(answers[i])) as Results<T>;
}
