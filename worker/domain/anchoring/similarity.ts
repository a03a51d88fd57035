/**
 * How well the text beside a candidate agrees with the context stored beside the quote.
 * The side next to the quote is what matters: a context that starts right at the candidate
 * and then drifts is good evidence, one that matches only far away is not. So the edit distance
 * is anchored at the quote and free at the far end of the text found there.
 */

let previous = new Int32Array(64);
let current = new Int32Array(64);

/**
 * Similarity in 0..1 of `actual` to `expected`, both read away from the quote:
 * "before" reads them from their ends backwards (a prefix), "after" from their starts (a suffix).
 * `actual` may be longer than `expected`; its surplus far end costs nothing.
 */
export function contextSimilarity(expected: string, actual: string, side: "before" | "after"): number {
  const m = expected.length;
  const n = actual.length;
  // No stored context means the quote touched the start or end of its text: neutral unless that still holds.
  if (m === 0) return n === 0 ? 1 : 0.5;
  // The usual case, context untouched, needs no table.
  if (side === "before" ? actual.endsWith(expected) : actual.startsWith(expected)) return 1;
  if (n + 1 > previous.length) {
    previous = new Int32Array(2 * (n + 1));
    current = new Int32Array(2 * (n + 1));
  }
  const before = side === "before";
  for (let j = 0; j <= n; j++) previous[j] = j;
  let best = m;
  for (let i = 1; i <= m; i++) {
    const a = expected.charCodeAt(before ? m - i : i - 1);
    current[0] = i;
    for (let j = 1; j <= n; j++) {
      const b = actual.charCodeAt(before ? n - j : j - 1);
      const substitute = previous[j - 1] + (a === b ? 0 : 1);
      const skipExpected = previous[j] + 1;
      const skipActual = current[j - 1] + 1;
      current[j] = substitute < skipExpected ? (substitute < skipActual ? substitute : skipActual) : skipExpected < skipActual ? skipExpected : skipActual;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  for (let j = 0; j <= n; j++) if (previous[j] < best) best = previous[j];
  return 1 - best / m;
}
