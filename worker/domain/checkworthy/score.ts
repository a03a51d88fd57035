/**
 * Check-worthiness: how likely a sentence is to hold a checkable factual claim, as a probability
 * from a logistic model over the signals in features.ts. Pure and deterministic; the workspace's
 * suggestions and `npm run suggest` both call it.
 */
import { featureNames, sentenceFeatures } from "./features";
import { splitSentences, type Sentence } from "./sentences";
import { bias, weights } from "./weights";

/** Score in (0, 1) of one sentence written in `lang`; higher means more check-worthy. Rounded to 4 decimals. */
export function checkworthiness(sentence: string, lang: string): number {
  const f = sentenceFeatures(sentence, lang);
  let z = bias;
  for (const name of featureNames) z += weights[name] * f[name];
  return Math.round(10_000 / (1 + Math.exp(-z))) / 10_000;
}

/** A sentence of an article with its score. Offsets are UTF-16 indices into the article text. */
export interface ScoredSentence extends Sentence {
  readonly score: number;
}

/** Sentences of `text` with a score of at least `minScore`, best first (ties in reading order), at most `limit`. */
export function suggestCheckworthy(text: string, lang: string, options: { limit?: number; minScore?: number } = {}): ScoredSentence[] {
  const { limit = Infinity, minScore = 0 } = options;
  return splitSentences(text, lang)
    .map((s) => ({ ...s, score: checkworthiness(s.text, lang) }))
    .filter((s) => s.score >= minScore)
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .slice(0, limit);
}
