/** Exponential backoff: `base` after the first failure, doubling, never more than `max`. */
export function backoffMs(failures: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, failures - 1));
}
