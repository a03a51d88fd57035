import { codePointLength, codePointSlice } from "../codepoints";
import type { TextSelector } from "../selector";

// One definition of the selector and of describeRange for the whole worker; anchoring adds the inverse check.
export { contextLength, describeRange } from "../selector";
export type { TextSelector } from "../selector";

/** Whether `sel.exact` is the text at `sel.start..sel.end` of `text` (the position and quote selectors agree). */
export function selectorMatches(text: string, sel: TextSelector): boolean {
  if (!(Number.isInteger(sel.start) && Number.isInteger(sel.end)) || sel.start < 0 || sel.end < sel.start) return false;
  if (sel.end > codePointLength(text)) return false;
  return codePointSlice(text, sel.start, sel.end) === sel.exact;
}
