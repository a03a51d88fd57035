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
    let offset = index;
    for (const line of segment.split("\n")) {
      const lead = line.length - line.trimStart().length;
      const body = line.trim();
      if (body) out.push({ text: body, start: offset + lead, end: offset + lead + body.length });
      offset += line.length + 1;
    }
  }
  return out;
}
