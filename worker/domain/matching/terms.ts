import { stemmer as stemEnglish } from "@orama/stemmers/english";
import { stemmer as stemRussian } from "@orama/stemmers/russian";
import { stopwords } from "./stopwords";
import { skeleton, transliterate } from "./translit";

/** A word of letters (with their combining marks); digits belong to the number recogniser. */
const wordPattern = /[\p{L}\p{M}]+/gu;
const cyrillic = /\p{Script=Cyrillic}/u;
const upper = /^\p{Lu}/u;

/**
 * The stem of one lower-case word: Snowball Russian for Cyrillic (Kazakh words get its suffix rules
 * too, which is rough but consistent on both sides of a match), Snowball English for the rest.
 */
export function stem(word: string): string {
  return cyrillic.test(word) ? stemRussian(word) : stemEnglish(word);
}

/**
 * A name without the case ending Russian or Kazakh grammar added ("Токаевым", "Қазақстанның"). Only
 * endings that a nominative name rarely has: "Токаев" keeps its -ев, and vowel endings fall away in the skeleton.
 */
const caseEndings = /(ом|ем|ым|им|ой|ей|ами|ями|ах|ях|ның|нің|дың|дің|тың|тің|дан|ден|нан|нен|ға|ге|қа|ке|да|де|мен|бен|пен)$/u;
function nameBase(word: string): string {
  const base = word.replace(caseEndings, "");
  return base.length >= 4 ? base : word;
}

/** Fold the letters the matcher must not tell apart: case, ё/е, and the NFC form. */
export function foldWord(word: string): string {
  return word.normalize("NFC").toLowerCase().replaceAll("ё", "е");
}

/** The words of a text as the index sees them. */
export interface TextTerms {
  /** Stems of the content words, in text order, repeats kept (BM25 counts them). */
  terms: string[];
  /** Entity keys: skeletons of capitalised content words, the same in Cyrillic and Latin spelling. */
  entities: string[];
}

/** Stems and entity keys of a text; deterministic and language-blind (the script decides the stemmer). */
export function textTerms(text: string): TextTerms {
  const terms: string[] = [];
  const entities = new Set<string>();
  for (const raw of text.normalize("NFC").match(wordPattern) ?? []) {
    const word = foldWord(raw);
    if (word.length < 2 || stopwords.has(word)) continue;
    const stemmed = stem(word);
    terms.push(stemmed);
    // A capitalised content word is a name more often than not; a short skeleton would collide by chance.
    if (upper.test(raw)) {
      const key = skeleton(transliterate(nameBase(word)));
      if (key.length >= 3) entities.add(key);
    }
  }
  return { terms, entities: [...entities].sort() };
}
