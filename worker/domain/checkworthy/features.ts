/**
 * The signals a sentence is scored on. Each is a number in [0, 1], so that the fitted weights
 * (weights.ts) read as "how much this signal moves the log-odds of a check-worthy sentence".
 */
import { findQuantities, type Quantity } from "../quantities";
import { attribution, boilerplate, comparison, cueWords, eventReport, firstPerson, matchCues, monthName, opinion, timeFrame, webAddress } from "./cues";

/** Names of the features, in the order of the vector. */
export const featureNames = [
  "quantity",
  "strongQuantity",
  "largeCount",
  "moreQuantities",
  "wordQuantity",
  "vagueQuantity",
  "bound",
  "year",
  "date",
  "comparison",
  "timeFrame",
  "attribution",
  "entities",
  "question",
  "exclamation",
  "opinion",
  "firstPerson",
  "eventReport",
  "boilerplate",
  "noEndPunctuation",
  "short",
  "long",
] as const;
export type FeatureName = (typeof featureNames)[number];
export type Features = Record<FeatureName, number>;

/** A quantity that states an amount: not a year or a date. */
const isAmount = (q: Quantity) => q.kind !== "year" && q.kind !== "date";
/** Units of time: "two weeks into the campaign", "in 30 years" frame a statement rather than state an amount. */
const durations = new Set(["year", "month", "week", "day", "hour"]);
const isDuration = (q: Quantity) => q.kind === "measure" && durations.has(q.unit ?? "");
/** An amount that a checker can look up: a percentage, money, a measure, a ratio, or a count in the thousands. */
const isStrong = (q: Quantity) =>
  isAmount(q) && !q.vague && !isDuration(q) && (q.kind === "percent" || q.kind === "money" || q.kind === "measure" || q.kind === "ratio" || q.kind === "fraction" || q.value >= 1000);

/** Capitalised words that do not open the sentence, and acronyms: a cheap stand-in for named entities. */
function entityCount(sentence: string): number {
  let n = 0;
  letterRun.lastIndex = 0;
  for (let m = letterRun.exec(sentence); m !== null; m = letterRun.exec(sentence)) {
    // The cheap test first: most words are lower case.
    if (m.index === 0 || !upperFirst.test(m[0])) continue;
    // Not after a sentence mark or an opening quote (whitespace between allowed), within three characters.
    const last = sentence.slice(Math.max(0, m.index - 3), m.index).trimEnd().at(-1);
    if (last === undefined || !afterMark.includes(last)) n++;
  }
  return n;
}
const letterRun = /[\p{L}][\p{L}\p{M}'’-]*/gu;
const upperFirst = /^\p{Lu}/u;
const afterMark = ".!?«\"“";

/** Words separated by whitespace (as `split(/\s+/u)` without empty parts), counted without building the array. */
function wordCount(sentence: string): number {
  let n = 0;
  nonSpaceRun.lastIndex = 0;
  while (nonSpaceRun.test(sentence)) n++;
  return n;
}

const nonSpaceRun = /\S+/gu;

/** A web address needs "://" or a dot: most sentences are ruled out without running the pattern. */
const hasWebAddress = (sentence: string) => (sentence.includes(".") || sentence.includes("://")) && webAddress.test(sentence);

const clamp = (x: number) => Math.max(0, Math.min(1, x));

/** The feature vector of one sentence written in `lang` (en, ru or kk; other languages read their numerals only). */
export function sentenceFeatures(sentence: string, lang: string): Features {
  const quantities = findQuantities(sentence, lang);
  const amounts = quantities.filter(isAmount);
  const words = wordCount(sentence);
  const cues = matchCues(cueWords(sentence));
  const trimmed = sentence.trim();
  return {
    quantity: amounts.some((q) => !q.vague) ? 1 : 0,
    strongQuantity: amounts.some(isStrong) ? 1 : 0,
    largeCount: amounts.some((q) => !q.vague && q.kind === "count" && q.value >= 10_000) ? 1 : 0,
    moreQuantities: clamp((amounts.length - 1) / 2),
    wordQuantity: amounts.some((q) => q.words && !q.vague) ? 1 : 0,
    vagueQuantity: amounts.some((q) => q.vague) ? 1 : 0,
    bound: amounts.some((q) => q.bound !== undefined) ? 1 : 0,
    year: quantities.some((q) => q.kind === "year") ? 1 : 0,
    date: quantities.some((q) => q.kind === "date") || (cues & monthName) ? 1 : 0,
    comparison: (cues & comparison) ? 1 : 0,
    timeFrame: (cues & timeFrame) || quantities.some(isDuration) ? 1 : 0,
    attribution: (cues & attribution) ? 1 : 0,
    entities: clamp(entityCount(sentence) / 3),
    question: /[?？]["»”]?$/u.test(trimmed) ? 1 : 0,
    exclamation: /!["»”]?$/u.test(trimmed) ? 1 : 0,
    opinion: (cues & opinion) ? 1 : 0,
    firstPerson: (cues & firstPerson) ? 1 : 0,
    eventReport: (cues & eventReport) ? 1 : 0,
    boilerplate: (cues & boilerplate) || hasWebAddress(sentence) ? 1 : 0,
    noEndPunctuation: /[.!?…:;"»”)]$/u.test(trimmed) ? 0 : 1,
    short: words < 6 ? 1 : 0,
    long: clamp((words - 12) / 20),
  };
}
