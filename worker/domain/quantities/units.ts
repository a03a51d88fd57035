/**
 * What may follow or precede a number and say what it counts: percent signs and words,
 * currencies, units of measure, "times". Each maps to one canonical unit, so that "40 %",
 * "40 процентов" and "40 пайыз" read the same.
 */

/** The kind of quantity a unit makes. */
export type UnitKind = "percent" | "money" | "measure" | "ratio";

export interface Unit {
  readonly kind: UnitKind;
  /** Canonical name: "%", "pp", "USD", "KZT", "km", "t", "year", "x" … */
  readonly unit: string;
}

/** Symbols written next to a number. */
export const unitSymbols: ReadonlyMap<string, Unit> = new Map([
  ["%", { kind: "percent", unit: "%" }],
  ["$", { kind: "money", unit: "USD" }],
  ["€", { kind: "money", unit: "EUR" }],
  ["£", { kind: "money", unit: "GBP" }],
  ["₸", { kind: "money", unit: "KZT" }],
  ["₽", { kind: "money", unit: "RUB" }],
  ["°", { kind: "measure", unit: "°" }],
]);

/** Words after a number, each pattern over the whole lower-cased word (inflections included). */
const unitWords: [RegExp, Unit][] = [
  [/^(percent|per-cent|pct|процент(а|ов|ам|ами|ах|ы)?|пайыз(ға|ы|ды|дан|ға|ын|ке)?)$/, { kind: "percent", unit: "%" }],
  [/^(usd|dollars?|долл|доллар(а|ов|ам|ами|ах|ы)?|доллардан|долларға)$/, { kind: "money", unit: "USD" }],
  [/^(eur|euros?|евро)$/, { kind: "money", unit: "EUR" }],
  [/^(kzt|tenge|тенге|теңге|теңгеге|теңгеден|теңгені|тг)$/, { kind: "money", unit: "KZT" }],
  [/^(rub|roubles?|rubles?|руб|рубл(ь|я|ей|ям|ями|ях))$/, { kind: "money", unit: "RUB" }],
  [/^(yuan|юан(ь|я|ей)|юань)$/, { kind: "money", unit: "CNY" }],
  [/^(km|kilomet(re|er)s?|км|километр(а|ов|ам|ами|ах)?|шақырым(ға|нан|ды)?)$/, { kind: "measure", unit: "km" }],
  [/^(metres?|meters?|метр(а|ов|ам|ами|ах)?)$/, { kind: "measure", unit: "m" }],
  [/^(ha|hectares?|га|гектар(а|ов|ам|ами|ах)?)$/, { kind: "measure", unit: "ha" }],
  [/^(kg|kilogram(me)?s?|кг|килограмм(а|ов)?)$/, { kind: "measure", unit: "kg" }],
  [/^(tonnes?|tons?|тонн(а|ы|у|ой|ам|ами|ах)?|тонна(ға|дан)?)$/, { kind: "measure", unit: "t" }],
  [/^(litres?|liters?|литр(а|ов|ам|ами|ах)?)$/, { kind: "measure", unit: "l" }],
  [/^(mw|megawatts?|мвт|мегаватт(а|ов)?)$/, { kind: "measure", unit: "MW" }],
  [/^(kw|kilowatts?|квт)$/, { kind: "measure", unit: "kW" }],
  [/^(kwh|квт·ч)$/, { kind: "measure", unit: "kWh" }],
  [/^(gw|gigawatts?|гвт)$/, { kind: "measure", unit: "GW" }],
  [/^(years?|лет|года?|году|годам|годами|жыл(ға|ы|да|дан|дық)?)$/, { kind: "measure", unit: "year" }],
  [/^(months?|месяц(а|ев|ам|ами|ах)?|ай(ға|да|дан)?)$/, { kind: "measure", unit: "month" }],
  [/^(weeks?|недел(я|и|ю|ь|ям|ями|ях)|апта(да|дан|ға)?)$/, { kind: "measure", unit: "week" }],
  [/^(days?|дн(я|ей|ям|ями|ях)|день|күн(ге|де|нен)?)$/, { kind: "measure", unit: "day" }],
  [/^(hours?|час(а|ов|ам|ами|ах)?|сағат(қа|та|тан)?)$/, { kind: "measure", unit: "hour" }],
  [/^(seats?|мест(а|ам|ами|ах)?|орын(ға|дық)?)$/, { kind: "measure", unit: "seat" }],
  [/^(times|fold|раз(а)?|есе(ге)?)$/, { kind: "ratio", unit: "x" }],
];

/** Percentage points: "2 percentage points", "на 3 процентных пункта". */
const pointWords = /^(points?|пункт(а|ов)?)$/;
const percentAdjective = /^(percentage|процентн(ых|ого|ый|ые))$/;

/** The unit that the lower-cased word `word` names, if any. */
export function unitWord(word: string): Unit | undefined {
  for (const [pattern, unit] of unitWords) if (pattern.test(word)) return unit;
  return undefined;
}

/** "percentage points" / "процентных пункта": the two words as one unit, or undefined. */
export function percentagePoints(first: string, second: string | undefined): Unit | undefined {
  return second !== undefined && percentAdjective.test(first) && pointWords.test(second) ? { kind: "percent", unit: "pp" } : undefined;
}

/** Words that bound a number from above or below, or make it approximate. */
export type Bound = "gt" | "lt" | "approx";

/** One- or two-word qualifiers written before a number (en, ru, kk). */
export const boundsBefore: ReadonlyMap<string, Bound> = new Map([
  ["more than", "gt"], ["over", "gt"], ["above", "gt"], ["at least", "gt"], ["exceeding", "gt"],
  ["less than", "lt"], ["fewer than", "lt"], ["under", "lt"], ["below", "lt"], ["up to", "lt"], ["at most", "lt"],
  ["about", "approx"], ["around", "approx"], ["nearly", "approx"], ["almost", "approx"], ["approximately", "approx"],
  ["roughly", "approx"], ["some", "approx"], ["estimated", "approx"],
  ["более", "gt"], ["свыше", "gt"], ["больше", "gt"], ["не менее", "gt"], ["более чем", "gt"],
  ["менее", "lt"], ["меньше", "lt"], ["до", "lt"], ["не более", "lt"],
  ["около", "approx"], ["почти", "approx"], ["порядка", "approx"], ["примерно", "approx"], ["приблизительно", "approx"],
  ["шамамен", "approx"], ["шамасы", "approx"],
]);

/** Kazakh qualifiers written after the number: "9 миллионнан астам" (more than 9 million). */
export const boundsAfter: ReadonlyMap<string, Bound> = new Map([
  ["астам", "gt"], ["аса", "gt"], ["артық", "gt"], ["кем", "lt"], ["дейін", "lt"], ["жуық", "approx"], ["шамасында", "approx"],
  ["plus", "gt"],
]);
