/**
 * Ranking quality of the check-worthiness scorer on our labelled sentences, against the floor rule
 * "the sentence contains a number", both measured in this run:
 *
 *   npm run bench:checkworthy
 *
 * P@10 and MAP are averaged over documents (each ranked on its own, as an article is); "pooled" ranks
 * every sentence of the part together. dev is what the weights were fitted on; heldout was written first and never fitted on.
 */
import { checkworthiness } from "../../worker/domain/checkworthy";
import { evaluate, readLabelled, type LabelledSentence } from "./checkworthy-eval";
import { containsNumber } from "./checkworthy-rules";
const scorer = (s: LabelledSentence) => checkworthiness(s.text, s.lang);

const fmt = (x: number) => x.toFixed(3);
console.log("| part | sentences (worthy) | docs | best possible P@10 | scorer P@10 | number rule P@10 | scorer MAP | number rule MAP | scorer pooled AP | number rule pooled AP |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const part of ["dev", "heldout"] as const) {
  const all = readLabelled(part);
  for (const lang of [undefined, "en", "ru", "kk"] as const) {
    const set = lang ? all.filter((s) => s.lang === lang) : all;
    const ours = evaluate(set, scorer);
    const floor = evaluate(set, containsNumber);
    console.log(
      `| ${part}${lang ? ` ${lang}` : ""} | ${set.length} (${set.filter((s) => s.worthy).length}) | ${ours.documents} | ${fmt(ours.idealP10)} | ${fmt(ours.p10)} | ${fmt(floor.p10)} | ${fmt(ours.map)} | ${fmt(floor.map)} | ${fmt(ours.pooledAP)} | ${fmt(floor.pooledAP)} |`,
    );
  }
}
