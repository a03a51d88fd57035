import { sql, type AnyColumn } from "drizzle-orm";

/**
 * A column under its own SQL alias. Inside db.batch, drizzle reads D1 rows as objects, so two
 * selected columns with one name (claims.id and claimants.id) would silently collapse into one.
 */
export function aliased<C extends AnyColumn>(column: C, alias: string) {
  return sql<C["_"]["notNull"] extends true ? C["_"]["data"] : C["_"]["data"] | null>`${column}`.as(alias);
}
