import { codePointLength } from "../../../schema/text/code-points";

/**
 * The format of the multi-revision corpus. A text marks each claim with `[a[` … `]a]` (one letter per
 * claim); the marks are what a person would select in that revision, and are stripped before anything
 * else sees the text. A revision is a list of edits applied to the previous marked text, so a marked
 * claim travels with its words, and an edit that cannot apply (its words are not there) throws: the
 * corpus cannot quietly drift from what its cases say.
 */

/** One edit of a marked text, seen as paragraphs. */
export type Edit = (paragraphs: string[]) => string[];

/** A case: a first text with its claims marked, then the revisions sent one after another. */
export interface RevisionCase {
  name: string;
  language: "en" | "ru" | "kk";
  text: string;
  revisions: Edit[][];
}

const markPattern = /\[([a-z])\[|\]([a-z])\]/g;

/** The plain text and, per claim letter, its code point range (absent when its words are gone). */
export function unmark(marked: string): { text: string; spans: Map<string, { start: number; end: number }> } {
  const spans = new Map<string, { start: number; end: number }>();
  const open = new Map<string, number>();
  let text = "";
  let last = 0;
  for (const m of marked.matchAll(markPattern)) {
    text += marked.slice(last, m.index);
    last = m.index + m[0].length;
    const at = codePointLength(text);
    if (m[1]) open.set(m[1], at);
    else {
      const start = open.get(m[2]);
      if (start === undefined) throw new Error(`claim ${m[2]} closes before it opens`);
      spans.set(m[2], { start, end: at });
      open.delete(m[2]);
    }
  }
  if (open.size > 0) throw new Error(`claim ${[...open.keys()].join(", ")} opens and never closes`);
  return { text: text + marked.slice(last), spans };
}

const paragraphsOf = (text: string) => text.split("\n\n");

/** Replace the first occurrence of `from` (which must exist). */
export const replace =
  (from: string, to: string): Edit =>
  (ps) => {
    const joined = ps.join("\n\n");
    if (!joined.includes(from)) throw new Error(`"${from}" is not in the text`);
    return paragraphsOf(joined.replace(from, () => to));
  };

/** Insert a paragraph so that it becomes paragraph `at`. */
export const insert =
  (at: number, paragraph: string): Edit =>
  (ps) => {
    if (at > ps.length) throw new Error(`no paragraph ${at}`);
    return [...ps.slice(0, at), ...paragraphsOf(paragraph), ...ps.slice(at)];
  };

/** Delete the paragraph that contains `words`. */
export const remove =
  (words: string): Edit =>
  (ps) => {
    const i = indexOf(ps, words);
    return [...ps.slice(0, i), ...ps.slice(i + 1)];
  };

/** Move the paragraph that contains `words` so that it becomes paragraph `to`. */
export const move =
  (words: string, to: number): Edit =>
  (ps) => {
    const i = indexOf(ps, words);
    const rest = [...ps.slice(0, i), ...ps.slice(i + 1)];
    return [...rest.slice(0, to), ps[i], ...rest.slice(to)];
  };

/** Merge the paragraph that contains `words` with the next one. */
export const mergeNext =
  (words: string): Edit =>
  (ps) => {
    const i = indexOf(ps, words);
    if (i + 1 >= ps.length) throw new Error(`nothing after "${words}"`);
    return [...ps.slice(0, i), `${ps[i]} ${ps[i + 1]}`, ...ps.slice(i + 2)];
  };

/** Split a paragraph before `words`. */
export const splitBefore =
  (words: string): Edit =>
  (ps) => {
    const i = indexOf(ps, words);
    const at = ps[i].indexOf(words);
    return [...ps.slice(0, i), ps[i].slice(0, at).trimEnd(), ps[i].slice(at), ...ps.slice(i + 1)];
  };

function indexOf(ps: string[], words: string): number {
  const hits = ps.flatMap((p, i) => (p.includes(words) ? [i] : []));
  if (hits.length !== 1) throw new Error(`"${words}" is in ${hits.length} paragraphs, not one`);
  return hits[0];
}

/** Every marked text of a case: the first, then one per revision. */
export function markedRevisions(c: RevisionCase): string[] {
  const texts = [c.text];
  for (const edits of c.revisions) texts.push(edits.reduce((ps, edit) => edit(ps), paragraphsOf(texts[texts.length - 1])).join("\n\n"));
  return texts;
}
