import { drizzle } from "drizzle-orm/d1";
import * as tables from "../schema/tables";

/** A drizzle client over D1, with the snake_case column naming the migrations use. */
export function getDb(d1: D1Database) {
  return drizzle(d1, { casing: "snake_case", schema: tables });
}

export type Db = ReturnType<typeof getDb>;
