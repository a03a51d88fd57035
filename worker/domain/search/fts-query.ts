import { stemmer as stemEnglish } from "@orama/stemmers/english";
import { stemmer as stemRussian } from "@orama/stemmers/russian";
import { foldText } from "../../../schema/text/fold";

/** The most terms a search sends to FTS5: enough for any real query, and a bound on its cost. */
const maxTerms = 12;
/** A stem shorter than this matches too much as a prefix ("ст"*): the word itself is used instead. */
const minStem = 3;

const tokenPattern = /[\p{L}\p{M}\p{N}]+/gu;
const cyrillic = /\p{Script=Cyrillic}/u;
const latin = /^[\p{Script=Latin}\p{M}]+$/u;
/** Letters only Kazakh writes: a word with one of them gets no Russian suffix rules. */
const kazakhLetters = /[әғқңөұүһі]/u;

/** The longest common prefix of two strings. */
function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/**
 * What a single typed word is searched as: a prefix of its stem, so "студентов" finds "студенты" and
 * "repairs" finds "repaired". Snowball Russian for Russian words, Snowball English for Latin ones (the
 * stemmers claim matching uses); Kazakh words (by a Kazakh letter, or when the search is for Kazakh
 * material) and numbers stay as typed, matched as a prefix.
 */
export function searchPrefix(word: string, language?: string): string {
  if (/^\p{N}+$/u.test(word)) return word;
  let stem = word;
  if (cyrillic.test(word) && language !== "kk" && language !== "en" && !kazakhLetters.test(word)) stem = stemRussian(word);
  else if (latin.test(word) && language !== "ru" && language !== "kk") stem = stemEnglish(word);
  // Snowball may rewrite the ending ("study" → "studi"); only the part the word really starts with is a prefix.
  const prefix = commonPrefix(word, stem);
  return prefix.length >= minStem ? prefix : word;
}

/**
 * The FTS5 MATCH expression for what a person typed, with none of FTS5's own syntax: every word must
 * occur (AND), each as a prefix of its stem; a "quoted phrase" and a word joined by punctuation
 * ("60,000", "Nur-Otan") are phrases, with a prefix on their last token. The text is folded first
 * with the app's one folding table (ё/е, quote marks, NFC), as the indexed text is by the tokenizer.
 * Null when nothing searchable was typed.
 */
export function searchMatch(q: string, language?: string): string | null {
  const folded = foldText(q).toLowerCase();
  const parts: string[] = [];
  for (const m of folded.matchAll(/"([^"]*)"|[^\s"]+/g)) {
    const tokens = (m[1] ?? m[0]).match(tokenPattern);
    if (!tokens) continue;
    const quoted = m[1] !== undefined;
    const phrase = tokens.length === 1 && !quoted ? searchPrefix(tokens[0], language) : tokens.join(" ");
    parts.push(quoted ? `"${phrase}"` : `"${phrase}"*`);
    if (parts.length === maxTerms) break;
  }
  return parts.length ? parts.join(" ") : null;
}
