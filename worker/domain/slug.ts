const cyrillicToLatin: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "iu", я: "ia", ә: "a", ғ: "g", қ: "q", ң: "n", ө: "o", ұ: "u", ү: "u", һ: "h", і: "i",
};

/** A readable URL slug: Cyrillic transliterated, lower-case ASCII words joined by hyphens, at most 80 characters. */
export function slugify(title: string): string {
  const ascii = [...title.normalize("NFKD").toLowerCase()]
    .map((ch) => cyrillicToLatin[ch] ?? ch)
    .join("")
    .replace(/[\u0300-\u036f]/g, "");
  let slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length > 80) slug = slug.slice(0, 80).replace(/-[^-]*$/, "");
  return slug || "article";
}
