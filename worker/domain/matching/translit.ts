/**
 * Latin spelling of Cyrillic (Russian and Kazakh letters), and a consonant skeleton of a name, so that
 * "Токаев", "Токаева" and "Tokayev" meet on one key. Transliteration systems disagree on vowels and
 * on й/я/ю/х, so the skeleton keeps the first letter and the consonants only.
 */
const letters: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
  ә: "a", ғ: "g", қ: "k", ң: "ng", ө: "o", ұ: "u", ү: "u", һ: "h", і: "i",
};

/** Lower-case Latin spelling of a lower-case word; Latin letters pass through. */
export function transliterate(word: string): string {
  let out = "";
  for (const ch of word) out += letters[ch] ?? ch;
  return out;
}

/** Spelling variants that transliterations of one name disagree on. */
const variants: [RegExp, string][] = [
  // Russian х is kh, Kazakh қ is k, English writes both "Kazakhstan" and "Kazakstan".
  [/kh/g, "k"],
  [/ph/g, "f"],
  [/w/g, "v"],
  [/x/g, "ks"],
  [/ck/g, "k"],
  [/q/g, "k"],
];

/** The skeleton of a (transliterated, lower-case) word: first letter, then consonants, doubles collapsed. */
export function skeleton(latin: string): string {
  let s = latin;
  for (const [from, to] of variants) s = s.replace(from, to);
  const head = s.slice(0, 1);
  const rest = s.slice(1).replace(/[aeiouy]/g, "");
  return (head + rest).replace(/(.)\1+/g, "$1");
}
