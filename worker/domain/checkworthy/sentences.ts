/** Sentences of an article's canonical text, by the runtime's own Intl.Segmenter (built into workerd and Node). */

/** One sentence: its text without surrounding whitespace, and its UTF-16 range in the text. */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: "sentence" });
    segmenters.set(lang, s);
  }
  return s;
}

/** The sentences of `text` in order, trimmed; a line break always ends a sentence (titles, captions, datelines). */
export function splitSentences(text: string, lang = "en"): Sentence[] {
  const out: Sentence[] = [];
  for (const { segment, index } of segmenter(lang).segment(text)) {
    // ICU ends a sentence at a paragraph separator already; a single newline inside a segment still splits it.
    // Read line by line in place (most segments hold no newline), without splitting the segment into an array.
    for (let from = 0; from <= segment.length; ) {
      const newline = segment.indexOf("\n", from);
      const to = newline < 0 ? segment.length : newline;
      const line = from === 0 && to === segment.length ? segment : segment.slice(from, to);
      const body = line.trim();
      if (body) {
        const start = index + from + (line.length - line.trimStart().length);
        out.push({ text: body, start, end: start + body.length });
      }
      from = to + 1;
    }
  }
  return out;
}
