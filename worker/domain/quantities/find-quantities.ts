/**
 * Finds quantities in running text: numerals with any separator ("60,000", "60 000", "2,5"),
 * numbers in words ("sixty thousand", "60 тысяч", "two-thirds", "тоғыз миллион"), percentages,
 * money, units, years and dates, with the qualifier that bounds them ("более", "more than", "астам").
 * Pure and deterministic; the check-worthiness scorer and claim matching both read numbers here.
 */
import { detectLanguage } from "../language";
import { digitScales, numberWord, type NumberLanguage, type NumberWord } from "./number-words";
import { boundsAfter, boundsBefore, percentagePoints, unitSymbols, unitWord, type Bound, type Unit } from "./units";

/** What a quantity measures. */
export type QuantityKind = "count" | "percent" | "money" | "measure" | "ratio" | "fraction" | "year" | "date";

/** One quantity found in a text. Offsets are UTF-16 indices into the text searched. */
export interface Quantity {
  readonly start: number;
  readonly end: number;
  readonly kind: QuantityKind;
  /** The value, scaled: "60 тысяч" is 60000, "two-thirds" is 0.666…, "40%" is 40. A date's value is its year, or its day when no year is written ("March 1"). */
  readonly value: number;
  /** Canonical unit for percent, money and measures ("%", "pp", "USD", "km" …). */
  readonly unit?: string;
  readonly bound?: Bound;
  /** Written (at least partly) in words. */
  readonly words: boolean;
  /** A vague plural: "thousands of", "сотни", "мыңдаған". */
  readonly vague: boolean;
}

interface Token {
  readonly type: "num" | "date" | "time" | "word" | "sym" | "punct";
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

// A numeral either groups thousands (by comma, dots, or a space of any width) or is a plain
// number with an optional decimal part. Lookbehinds keep "2021 100" from reading as "21 100".
const tokenPattern = new RegExp(
  [
    String.raw`((?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d]))`,
    String.raw`((?<![\d:])\d{1,2}:\d{2}(?![\d:]))`,
    String.raw`((?<![\d.,])(?:\d{1,3}(?:(?:,|[ \u00a0\u202f\u2009])\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d+(?:[.,]\d+)?)(?!\d))`,
    String.raw`([\p{L}\p{M}]+(?:[-'’·][\p{L}\p{M}]+)*)`,
    String.raw`([%$€£₸₽°])`,
    String.raw`([^\s\p{L}\p{N}\p{M}])`,
  ].join("|"),
  "gu",
);

/** Token types in the order of the pattern's capture groups. */
const tokenTypes = ["date", "time", "num", "word", "sym", "punct"] as const;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // exec over the shared pattern (no iterator, no copy of the pattern per call); it always ends with lastIndex 0.
  tokenPattern.lastIndex = 0;
  for (let m = tokenPattern.exec(text); m !== null; m = tokenPattern.exec(text)) {
    let g = 1;
    while (m[g] === undefined) g++;
    tokens.push({ type: tokenTypes[g - 1], text: m[0], lower: g === 4 ? m[0].toLowerCase() : m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The value of a numeral token: separators dropped, a lone comma before 1–2 or 4+ digits read as a decimal point. */
export function parseNumeral(numeral: string): number {
  const s = numeral.replace(/[ \u00a0\u202f\u2009]/g, "");
  if (/^\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(s)) return Number(s.replaceAll(".", "").replace(",", "."));
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replaceAll(",", ""));
  return Number(s.replace(",", "."));
}

/** Tokens a and b are separated by nothing but whitespace (or touch). */
const adjacent = (text: string, a: Token, b: Token | undefined) => b !== undefined && /^\s*$/.test(text.slice(a.end, b.start));

interface Reading {
  value: number;
  next: number;
  words: boolean;
  vague: boolean;
  fraction: boolean;
  scaled: boolean;
}

/** Reads a run of number words from token i ("two hundred and five thousand", "две трети", "тоғыз миллион"). */
function readWords(text: string, tokens: Token[], i: number, lang: NumberLanguage): Reading | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  let scaled = false;
  let j = i;
  for (; j < tokens.length; j++) {
    const t = tokens[j];
    if (j > i && !adjacent(text, tokens[j - 1], t)) break;
    // A hyphenated word ("twenty-five", "two-thirds") is read part by part.
    const meanings = t.type === "word" ? (/[-·]/.test(t.lower) ? t.lower.split(/[-·]/) : [t.lower]).map((p) => numberWord(p, lang)) : [undefined];
    if (meanings.some((m) => m === undefined)) break;
    let stop = false;
    for (const m of meanings as NumberWord[]) {
      if (m.role === "filler") {
        // "a hundred", "one hundred and five": a filler counts only when a number word follows it.
        const after = tokens[j + 1];
        const following = after?.type === "word" ? numberWord(after.lower, lang) : undefined;
        if (!following || following.role === "filler" || following.role === "vague" || (t.lower === "and" && !seen)) {
          stop = true;
          break;
        }
        if (t.lower === "a") current = Math.max(current, 1);
        continue;
      }
      if (m.role === "vague") {
        if (seen) return undefined;
        return { value: m.value, next: j + 1, words: true, vague: true, fraction: false, scaled: true };
      }
      if (m.role === "fraction") {
        return { value: (current || 1) * m.value + total, next: j + 1, words: true, vague: false, fraction: true, scaled };
      }
      if (m.role === "scale" && m.plural && !seen) return { value: m.value, next: j + 1, words: true, vague: true, fraction: false, scaled: true };
      seen = true;
      if (m.role === "unit") current += m.value;
      else if (m.role === "hundred") current = (current || 1) * 100;
      else {
        total += (current || 1) * m.value;
        current = 0;
        scaled = true;
      }
    }
    if (stop) break;
  }
  if (!seen || j === i) return undefined;
  return { value: total + current, next: j, words: true, vague: false, fraction: false, scaled };
}

/** Reads a numeral and the scale word after it ("9 миллионов", "2.5 million", "60k", "1,5 млрд"). */
function readNumeral(text: string, tokens: Token[], i: number, lang: NumberLanguage): Reading {
  const t = tokens[i];
  let value = parseNumeral(t.text);
  let next = i + 1;
  let scaled = false;
  const after = tokens[next];
  if (after?.type === "word" && adjacent(text, t, after)) {
    const abbreviation = after.start === t.end ? digitScales.get(after.lower) : undefined;
    const meaning = numberWord(after.lower, lang);
    const scale = abbreviation ?? (meaning?.role === "scale" ? meaning.value : meaning?.role === "hundred" ? 100 : undefined);
    if (scale !== undefined) {
      value *= scale;
      next++;
      scaled = true;
      if (tokens[next]?.text === "." && tokens[next].start === after.end && /^(тыс|млн|млрд|трлн)$/.test(after.lower)) next++;
    }
  }
  return { value, next, words: false, vague: false, fraction: false, scaled };
}

/** A unit right after token index `i` (a symbol, a word, or "percentage points"). */
function unitAt(text: string, tokens: Token[], i: number, prev: Token): { unit: Unit; next: number } | undefined {
  const t = tokens[i];
  if (!t || !adjacent(text, prev, t)) return undefined;
  if (t.type === "sym") {
    const unit = unitSymbols.get(t.text);
    if (!unit) return undefined;
    // "°C", and the Kazakh case ending written after a sign: "40%-ға".
    let next = i + 1;
    if (tokens[next]?.start === t.end && (tokens[next].text === "C" || tokens[next].text === "С")) next++;
    return { unit, next };
  }
  if (t.type !== "word") return undefined;
  const pp = percentagePoints(t.lower, tokens[i + 1]?.lower);
  if (pp) return { unit: pp, next: i + 2 };
  const unit = unitWord(t.lower.split("-")[0]);
  return unit ? { unit, next: i + 1 } : undefined;
}

/** A qualifier ("more than", "более", "около") written right before token index `i`. */
function boundBefore(text: string, tokens: Token[], i: number): Bound | undefined {
  const one = tokens[i - 1];
  if (one?.type !== "word" || !adjacent(text, one, tokens[i])) return undefined;
  const two = tokens[i - 2];
  if (two?.type === "word" && adjacent(text, two, one)) {
    const bound = boundsBefore.get(`${two.lower} ${one.lower}`);
    if (bound) return bound;
  }
  return boundsBefore.get(one.lower);
}

/** Month names (en, ru, kk, any case ending): a day number beside one is a date, not a count. */
const monthName =
  /^(?:(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|(?:январ|феврал|март|апрел|ма[йяю]|июн|июл|август|сентябр|октябр|ноябр|декабр|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)[\p{L}]*)$/u;

/** A day of the month written next to a month name: "March 1", "1 March", "19 марта", "3 наурыз". */
function isDayOfMonth(text: string, tokens: Token[], i: number, reading: Reading): boolean {
  if (reading.words || reading.scaled || reading.next !== i + 1 || !Number.isInteger(reading.value) || reading.value < 1 || reading.value > 31) return false;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  const isMonth = (t: Token | undefined) => t?.type === "word" && monthName.test(t.lower);
  return (isMonth(before) && adjacent(text, before, tokens[i])) || (isMonth(after) && adjacent(text, tokens[i], after));
}

/** The language whose number words to read: given, or guessed from the text's script. */
function wordLanguage(text: string, lang: string | undefined): NumberLanguage {
  return lang === "en" || lang === "ru" || lang === "kk" ? lang : detectLanguage(text);
}

/** Every quantity in `text`, in order. `lang` picks the number words to read (guessed from the script when absent). */
export function findQuantities(text: string, lang?: string): Quantity[] {
  const language = wordLanguage(text, lang);
  const tokens = tokenize(text);
  const found: Quantity[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.type === "date") {
      const year = Number(t.text.split(".")[2]);
      found.push({ start: t.start, end: t.end, kind: "date", value: year < 100 ? 2000 + year : year, words: false, vague: false });
      i++;
      continue;
    }
    // A currency sign before the number: "$5 million", "₸ 200".
    const sign = t.type === "sym" && tokens[i + 1]?.type === "num" && adjacent(text, t, tokens[i + 1]) ? unitSymbols.get(t.text) : undefined;
    const first = sign?.kind === "money" ? i + 1 : i;
    const reading =
      tokens[first].type === "num" ? readNumeral(text, tokens, first, language) : tokens[first].type === "word" ? readWords(text, tokens, first, language) : undefined;
    if (!reading) {
      i++;
      continue;
    }
    if (first === i && tokens[i].type === "num" && isDayOfMonth(text, tokens, i, reading)) {
      found.push({ start: t.start, end: t.end, kind: "date", value: reading.value, words: false, vague: false });
      i = reading.next;
      continue;
    }
    let end = tokens[reading.next - 1].end;
    let next = reading.next;
    let unit: Unit | undefined = sign?.kind === "money" ? sign : undefined;
    if (!unit) {
      const after = unitAt(text, tokens, next, tokens[next - 1]);
      if (after) {
        unit = after.unit;
        end = tokens[after.next - 1].end;
        next = after.next;
      }
    }
    const plainDigits = /^\d{4}$/.test(t.text) && !reading.scaled && first === i;
    const isYear = plainDigits && reading.value >= 1900 && reading.value <= 2100 && (!unit || unit.unit === "year");
    // "one", "бір", "одна" alone are mostly articles or pronouns, not quantities.
    const loneWordOne = reading.words && !reading.vague && !reading.fraction && reading.value === 1 && !unit;
    if (!loneWordOne) {
      const afterBound = tokens[next]?.type === "word" && adjacent(text, tokens[next - 1], tokens[next]) ? boundsAfter.get(tokens[next].lower) : undefined;
      const bound = boundBefore(text, tokens, i) ?? afterBound;
      const kind: QuantityKind = isYear ? "year" : unit ? unit.kind : reading.fraction ? "fraction" : "count";
      found.push({
        start: tokens[i].start,
        end,
        kind,
        value: reading.value,
        ...(unit && !isYear ? { unit: unit.unit } : {}),
        ...(bound ? { bound } : {}),
        words: reading.words,
        vague: reading.vague,
      });
    }
    i = Math.max(next, i + 1);
  }
  return found;
}

/**
 * A key that is the same for the same quantity however it is written: "60,000", "60 000",
 * "60 тысяч" and "sixty thousand" all give "count:60000"; "40 %" and "40 процентов" give "percent:40:%".
 * Values keep six significant digits, so "two-thirds" and "0.666667" meet.
 */
export function quantityKey(q: Quantity): string {
  const value = Number(q.value.toPrecision(6));
  return q.unit ? `${q.kind}:${value}:${q.unit}` : `${q.kind}:${value}`;
}
