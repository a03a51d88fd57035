import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { codePointIndex, codePointLength } from "../../../schema/text/code-points";
import { paragraphsToText } from "../../../schema/text/paragraphs";
import { parseArticle } from "../../../worker/domain/article-parse";
import { describeRange } from "../../../worker/domain/text-selector";
import type { TextSelector } from "../../../worker/domain/text-selector";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The third-party seed texts live outside the repo (FACTLINE_SEEDS, else ../shared/seeds beside it). */
export const seedsDir = resolve(repoRoot, process.env.FACTLINE_SEEDS ?? "../shared/seeds");
export const haveSeeds = existsSync(seedsDir);

/** The canonical text of seed `number` ("002"), as the importer would store it. */
export function seedText(number: string): string {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(`${number}_`));
  if (!file) throw new Error(`seed ${number} not found in the seeds folder`);
  return paragraphsToText(parseArticle(readFileSync(resolve(seedsDir, file), "utf8")).paragraphs);
}

/** Code point range of the `occurrence`-th (0-based) appearance of `phrase` in `text`. */
export function rangeOf(text: string, phrase: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) {
    at = text.indexOf(phrase, at + 1);
    if (at === -1) throw new Error(`"${phrase}" occurs fewer than ${occurrence + 1} times`);
  }
  const start = codePointIndex(text, at);
  return { start, end: start + codePointLength(phrase) };
}

/** The selector a checker would have made on `phrase` in `text`. */
export function selectorFor(text: string, phrase: string, occurrence = 0): TextSelector {
  const { start, end } = rangeOf(text, phrase, occurrence);
  return describeRange(text, start, end);
}

/** `text` with `phrase` (its first occurrence, which must exist) replaced. */
export function replaceOnce(text: string, phrase: string, replacement: string): string {
  if (!text.includes(phrase)) throw new Error(`"${phrase}" not in text`);
  return text.replace(phrase, () => replacement);
}
