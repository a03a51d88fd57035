import { textTerms } from "./terms";
import { readNumbers } from "./number-keys";

/** What the index stores for one fact-check: space-separated stems, headline stems, and keys. */
export interface MatchDocument {
  terms: string;
  title: string;
  keys: string;
}

/** Stems of the words, and the keys: number keys "n60000", entity keys "e" + skeleton, never confused with stems. */
function read(text: string): { terms: string[]; keys: string[] } {
  const numbers = readNumbers(text);
  const { terms, entities } = textTerms(numbers.rest);
  return { terms, keys: [...numbers.keys.map((n) => `n${n}`), ...entities.map((e) => `e${e}`)] };
}

/** The index row of a fact-check (its claim and, when it has one, its headline). */
export function matchDocument(claim: string, title = ""): MatchDocument {
  const body = read(claim);
  return { terms: body.terms.join(" "), title: read(title).terms.join(" "), keys: body.keys.join(" ") };
}

/** A prepared match query: the FTS5 expression and the keys the rescoring compares. */
export interface MatchQuery {
  /** FTS5 MATCH expression (OR of quoted stems and keys), or null when the text has nothing to match on. */
  fts: string | null;
  /** The same terms one by one, each an FTS5 expression of its own (`fts` is them joined by OR). */
  phrases: string[];
  numbers: string[];
  entities: string[];
}

const quote = (token: string) => `"${token.replaceAll('"', '""')}"`;

/** Prepare a selection or claim text for the index: stems in terms and title, keys in keys, any of them. */
export function matchQuery(text: string): MatchQuery {
  const { terms, keys } = read(text);
  const stems = [...new Set(terms)];
  const parts = [
    ...(stems.length ? [`{terms title}: (${stems.map(quote).join(" OR ")})`] : []),
    ...(keys.length ? [`keys: (${keys.map(quote).join(" OR ")})`] : []),
  ];
  return {
    fts: parts.length ? parts.join(" OR ") : null,
    phrases: [...stems.map((s) => `{terms title}: ${quote(s)}`), ...[...new Set(keys)].map((k) => `keys: ${quote(k)}`)],
    numbers: keys.filter((k) => k.startsWith("n")),
    entities: keys.filter((k) => k.startsWith("e")),
  };
}
