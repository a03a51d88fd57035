import { findQuantities } from "../quantities";

/** The numbers a text states as index tokens, and the text with those quantities blanked out. */
export interface NumberReading {
  keys: string[];
  /** The text with every quantity replaced by spaces, so "тысяч" or "sixty" do not count again as words. */
  rest: string;
}

/**
 * "60,000", "60 000", "60 тысяч" and "sixty thousand" all give the key "60000" (the quantity
 * recogniser does the reading). The unit is left out on purpose: a claim and its translation name a
 * currency or unit in words the recogniser may read differently. A decimal point becomes "d", since
 * the FTS5 tokenizer would split on it. Vague plurals ("thousands of") state no number.
 */
export function readNumbers(text: string): NumberReading {
  const keys = new Set<string>();
  let rest = text;
  for (const q of findQuantities(text)) {
    rest = rest.slice(0, q.start) + " ".repeat(q.end - q.start) + rest.slice(q.end);
    if (q.vague) continue;
    keys.add(String(Number(q.value.toPrecision(6))).replace(".", "d").replace("-", "m"));
  }
  return { keys: [...keys], rest };
}
