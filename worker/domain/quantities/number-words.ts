/**
 * Numbers written as words in English, Russian and Kazakh. Each word is classified by the part it
 * plays when a number is read: a unit value (0–99, or Russian "двести" = 200), a hundred, a scale
 * (thousand, million…), a fraction (half, third), a vague plural ("thousands of"), or the English
 * "and"/"a" that may sit inside a number.
 */

/** Languages whose number words are known. */
export type NumberLanguage = "en" | "ru" | "kk";

/** What a word contributes to the number being read. */
export type NumberWord =
  | { role: "unit"; value: number }
  | { role: "hundred" }
  | { role: "scale"; value: number; plural: boolean }
  | { role: "fraction"; value: number }
  | { role: "vague"; value: number }
  | { role: "filler" };

const en = new Map<string, NumberWord>();
const unitWords = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(" ");
unitWords.forEach((w, i) => en.set(w, { role: "unit", value: i }));
"twenty thirty forty fifty sixty seventy eighty ninety".split(" ").forEach((w, i) => en.set(w, { role: "unit", value: (i + 2) * 10 }));
en.set("dozen", { role: "unit", value: 12 });
en.set("hundred", { role: "hundred" });
for (const [w, v] of [["thousand", 1e3], ["million", 1e6], ["billion", 1e9], ["trillion", 1e12]] as const) {
  en.set(w, { role: "scale", value: v, plural: false });
  en.set(`${w}s`, { role: "vague", value: v });
}
en.set("hundreds", { role: "vague", value: 100 });
en.set("dozens", { role: "vague", value: 12 });
en.set("tens", { role: "vague", value: 10 });
for (const [w, v] of [["half", 1 / 2], ["halves", 1 / 2], ["third", 1 / 3], ["thirds", 1 / 3], ["quarter", 1 / 4], ["quarters", 1 / 4], ["fifth", 1 / 5], ["fifths", 1 / 5], ["tenth", 1 / 10], ["tenths", 1 / 10]] as const) {
  en.set(w, { role: "fraction", value: v });
}
en.set("and", { role: "filler" });
en.set("a", { role: "filler" });

/** Russian words are inflected; each entry is a pattern over the whole word. */
const ruPatterns: [RegExp, NumberWord][] = [
  [/^(один|одна|одно|одного|одной|одному|одним|одною|одну)$/, { role: "unit", value: 1 }],
  [/^(два|две|двух|двум|двумя)$/, { role: "unit", value: 2 }],
  [/^(три|трех|трем|тремя)$/, { role: "unit", value: 3 }],
  [/^(четыре|четырех|четырем|четырьмя)$/, { role: "unit", value: 4 }],
  [/^(сорок|сорока)$/, { role: "unit", value: 40 }],
  [/^(девяносто|девяноста)$/, { role: "unit", value: 90 }],
  [/^(полтора|полторы|полутора)$/, { role: "unit", value: 1.5 }],
  [/^(сто|ста)$/, { role: "unit", value: 100 }],
  [/^(двести|двухсот|двумстам|двумястами|двухстах)$/, { role: "unit", value: 200 }],
  [/^(триста|трехсот|тремстам|тремястами|трехстах)$/, { role: "unit", value: 300 }],
  [/^(четыреста|четырехсот|четыремстам|четырьмястами|четырехстах)$/, { role: "unit", value: 400 }],
  [/^(тысяча|тысячу|тысячей|тысячью|тыс)$/, { role: "scale", value: 1e3, plural: false }],
  [/^(тысячи|тысяч|тысячам|тысячами|тысячах)$/, { role: "scale", value: 1e3, plural: true }],
  [/^(миллион|миллиона|миллиону|миллионом|миллионе)$/, { role: "scale", value: 1e6, plural: false }],
  [/^(миллионы|миллионов|миллионам|миллионами|миллионах|млн)$/, { role: "scale", value: 1e6, plural: true }],
  [/^(миллиард|миллиарда|миллиарду|миллиардом|миллиарде)$/, { role: "scale", value: 1e9, plural: false }],
  [/^(миллиарды|миллиардов|миллиардам|миллиардами|миллиардах|млрд)$/, { role: "scale", value: 1e9, plural: true }],
  [/^(триллион|триллиона|триллионы|триллионов|трлн)$/, { role: "scale", value: 1e12, plural: true }],
  [/^(сотни|сотен|сотням|сотнями)$/, { role: "vague", value: 100 }],
  [/^(десятки|десятков|десяткам|десятками)$/, { role: "vague", value: 10 }],
  [/^(половина|половины|половину|половине|половиной)$/, { role: "fraction", value: 1 / 2 }],
  [/^(треть|трети|третью|третей)$/, { role: "fraction", value: 1 / 3 }],
  [/^(четверть|четверти|четвертью|четвертей)$/, { role: "fraction", value: 1 / 4 }],
];
// 5–20 and 30 share one declension: stem + ь / и / ью.
const ruTeens: [string, number][] = [
  ["пят", 5], ["шест", 6], ["сем", 7], ["восем", 8], ["восьм", 8], ["девят", 9], ["десят", 10],
  ["одиннадцат", 11], ["двенадцат", 12], ["тринадцат", 13], ["четырнадцат", 14], ["пятнадцат", 15],
  ["шестнадцат", 16], ["семнадцат", 17], ["восемнадцат", 18], ["девятнадцат", 19], ["двадцат", 20], ["тридцат", 30],
];
const ruTeenStem = new Map(ruTeens);
const ruTeenPattern = /^([а-я]+?)(ь|и|ью)$/;
const ruTens = /^(пят|шест|сем|восем|восьм)(ь|и|ью)десят(и|ью)?$/;
const ruHundreds = /^(пят|шест|сем|восем|восьм|девят)(ь|и|ью)(сот|стам|стами|стах)$/;

/** Kazakh stems; a stem takes only the case endings a numeral takes in news prose. */
const kkStems: [string, NumberWord][] = [
  ["бір", { role: "unit", value: 1 }], ["екі", { role: "unit", value: 2 }], ["үш", { role: "unit", value: 3 }],
  ["төрт", { role: "unit", value: 4 }], ["бес", { role: "unit", value: 5 }], ["алты", { role: "unit", value: 6 }],
  ["жеті", { role: "unit", value: 7 }], ["сегіз", { role: "unit", value: 8 }], ["тоғыз", { role: "unit", value: 9 }],
  ["он", { role: "unit", value: 10 }], ["жиырма", { role: "unit", value: 20 }], ["отыз", { role: "unit", value: 30 }],
  ["қырық", { role: "unit", value: 40 }], ["елу", { role: "unit", value: 50 }], ["алпыс", { role: "unit", value: 60 }],
  ["жетпіс", { role: "unit", value: 70 }], ["сексен", { role: "unit", value: 80 }], ["тоқсан", { role: "unit", value: 90 }],
  ["жүз", { role: "hundred" }], ["мың", { role: "scale", value: 1e3, plural: false }],
  ["миллион", { role: "scale", value: 1e6, plural: false }], ["млн", { role: "scale", value: 1e6, plural: false }],
  ["миллиард", { role: "scale", value: 1e9, plural: false }], ["млрд", { role: "scale", value: 1e9, plural: false }],
  ["триллион", { role: "scale", value: 1e12, plural: false }], ["жарты", { role: "fraction", value: 1 / 2 }],
];
const kkStem = new Map(kkStems);
/** Case, possessive and collective endings (both vowel harmonies); ordinals (-ыншы) are not quantities. */
const kkEndings = new Set(
  ("ға ге қа ке на не ның нің дың дің тың тің ны ні ды ді ты ті да де та те нда нде дан ден тан тен нан нен " +
    "мен бен пен ы і сы сі ау еу ден дай дей тай тей").split(" "),
);
/** Endings that make a vague plural: мыңдаған "thousands", жүздеген "hundreds". */
const kkVague = /^(даған|деген|таған|теген|ған|ген)$/;
/** Words that merely begin like a numeral: pronouns "оны, оның, онда", "үшін" (for), "бірге" (together). */
const kkNotNumbers = new Set(["оны", "оның", "онда", "ондай", "онан", "үшін", "жүзеге", "бірге", "бірде"]);

function kazakhWord(word: string): NumberWord | undefined {
  if (kkNotNumbers.has(word)) return undefined;
  for (let cut = word.length; cut >= 2; cut--) {
    const stem = kkStem.get(word.slice(0, cut));
    if (!stem) continue;
    const ending = word.slice(cut);
    if (ending === "" || kkEndings.has(ending)) return stem;
    if (kkVague.test(ending) && (stem.role === "scale" || stem.role === "hundred" || (stem.role === "unit" && stem.value === 10))) {
      return { role: "vague", value: stem.role === "scale" ? stem.value : stem.role === "hundred" ? 100 : 10 };
    }
    return undefined;
  }
  return undefined;
}

/** "семью" is far more often "family" than "seven" (instrumental). */
const ruNotNumbers = new Set(["семью"]);

function russianWord(word: string): NumberWord | undefined {
  const w = word.replaceAll("ё", "е");
  if (ruNotNumbers.has(w)) return undefined;
  for (const [pattern, meaning] of ruPatterns) if (pattern.test(w)) return meaning;
  let m = ruTens.exec(w);
  if (m) return { role: "unit", value: ruTeenStem.get(m[1])! * 10 };
  m = ruHundreds.exec(w);
  if (m) return { role: "unit", value: ruTeenStem.get(m[1])! * 100 };
  m = ruTeenPattern.exec(w);
  if (m && ruTeenStem.has(m[1])) return { role: "unit", value: ruTeenStem.get(m[1])! };
  return undefined;
}

// Russian and Kazakh words are matched by patterns; news prose repeats its words, so each answer is kept.
const memo = { ru: new Map<string, NumberWord | null>(), kk: new Map<string, NumberWord | null>() };
const memoLimit = 50_000;

/** The part `word` (lower case) plays in a number written in `lang`, or undefined when it is no number word. */
export function numberWord(word: string, lang: NumberLanguage): NumberWord | undefined {
  const found = en.get(word);
  if (found || lang === "en") return found;
  const seen = memo[lang];
  const known = seen.get(word);
  if (known !== undefined) return known ?? undefined;
  const meaning = (lang === "kk" ? kazakhWord(word) : undefined) ?? russianWord(word);
  if (seen.size >= memoLimit) seen.clear();
  seen.set(word, meaning ?? null);
  return meaning;
}

/** Multipliers abbreviated right after digits: "60k", "$5bn", "5 млн". */
export const digitScales: ReadonlyMap<string, number> = new Map([
  ["k", 1e3], ["bn", 1e9], ["mn", 1e6], ["m", 1e6], ["tn", 1e12], ["b", 1e9],
]);
