/** Next/previous claim: which highlights are stops, and which keys move between them. */

/** The claim ids a highlight or verdict tag stands for (`data-claims="3 5"` or `data-claim="3"`). */
export function claimIdsOf(link: Element): string[] {
  return (link.getAttribute("data-claims") ?? link.getAttribute("data-claim") ?? "").split(/\s+/).filter(Boolean);
}

/**
 * One stop per claim, in reading order: the first highlight segment that mentions it. A claim that
 * overlaps another is split into several segments, and stopping on each would visit it twice.
 */
export function navigationStops<T extends Element>(highlights: readonly T[]): { id: string; link: T }[] {
  const seen = new Set<string>();
  const stops: { id: string; link: T }[] = [];
  for (const link of highlights) {
    for (const id of claimIdsOf(link)) {
      if (seen.has(id)) continue;
      seen.add(id);
      stops.push({ id, link });
    }
  }
  return stops;
}

/** The stop after (+1) or before (-1) `current`, wrapping around; from nowhere (-1), the first or the last. */
export function step(current: number, direction: 1 | -1, total: number): number {
  if (total === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : total - 1;
  return (current + direction + total) % total;
}

/** The subset of a KeyboardEvent the shortcuts look at. */
export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
}

const editable = "input, textarea, select, [contenteditable]:not([contenteditable='false'])";

/**
 * +1 for j or n, -1 for k or p, 0 for anything else, including keys typed into a form field and
 * combinations with Ctrl, Alt or Meta (those belong to the browser and assistive technology).
 */
export function shortcutDirection(event: KeyLike): 1 | -1 | 0 {
  if (event.altKey || event.ctrlKey || event.metaKey) return 0;
  const target = event.target as Element | null;
  if (target && typeof target.closest === "function" && target.closest(editable)) return 0;
  const key = event.key.toLowerCase();
  return key === "j" || key === "n" ? 1 : key === "k" || key === "p" ? -1 : 0;
}
