/**
 * npm run suggest -- [--lang en|ru|kk] [FILE]
 * Reads sentences, one a line, from FILE or standard input, and prints one check-worthiness score a
 * line in the same order (higher is more check-worthy). The scorer is the one the app uses. Without
 * --lang, each line's language is guessed from its script.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkworthiness } from "../worker/domain/checkworthy";
import { detectLanguage } from "../worker/domain/language";

const { values, positionals } = parseArgs({ options: { lang: { type: "string" } }, allowPositionals: true });
if (values.lang !== undefined && !["en", "ru", "kk"].includes(values.lang)) {
  console.error("usage: npm run suggest -- [--lang en|ru|kk] [FILE]");
  process.exit(2);
}
const input = readFileSync(positionals[0] ?? 0, "utf8");
const lines = input.split(/\r?\n/);
if (lines.at(-1) === "") lines.pop();
process.stdout.write(lines.map((line) => `${checkworthiness(line, values.lang ?? detectLanguage(line))}\n`).join(""));
