/**
 * Keyset pagination: a page ends at the smallest row id it showed, and the next one starts below it.
 * The cursor is opaque to clients (base64url of a small JSON value), so its form may change; a cursor
 * that does not decode is refused, never read as "from the start".
 */

/** The cursor that continues a listing after row `id` of `kind`. */
export function encodeCursor(kind: string, id: number): string {
  return btoa(JSON.stringify([kind, id])).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The row id a cursor continues after, or null when it is not a cursor of `kind`. */
export function decodeCursor(kind: string, cursor: string): number | null {
  try {
    const value: unknown = JSON.parse(atob(cursor.replaceAll("-", "+").replaceAll("_", "/")));
    if (Array.isArray(value) && value.length === 2 && value[0] === kind && Number.isSafeInteger(value[1]) && value[1] > 0) return value[1] as number;
  } catch {
    // fall through: not a cursor of ours
  }
  return null;
}
