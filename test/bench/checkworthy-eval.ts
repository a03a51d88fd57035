/** The labelled check-worthiness sentences (test/fixtures/checkworthy) and the ranking measures read on them. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** One labelled sentence: its document (an article or a group written together), language, label and origin. */
export interface LabelledSentence {
  doc: string;
  lang: "en" | "ru" | "kk";
  worthy: boolean;
  source: string;
  text: string;
}

/** The development part (fitted on) or the held-out part (written before any fitting, never fitted on). */
export function readLabelled(part: "dev" | "heldout"): LabelledSentence[] {
  const file = fileURLToPath(new URL(`../fixtures/checkworthy/${part}.tsv`, import.meta.url));
  const [, ...lines] = readFileSync(file, "utf8").split("\n").filter((l) => l.trim());
  return lines.map((line) => {
    const [doc, lang, label, source, text] = line.split("\t");
    if (!text || (label !== "0" && label !== "1") || !["en", "ru", "kk"].includes(lang)) throw new Error(`bad line in ${part}.tsv: ${line}`);
    return { doc, lang: lang as LabelledSentence["lang"], worthy: label === "1", source, text };
  });
}

/** Labels in ranked order: highest score first, ties in document order (as the app shows them). */
export function ranked(labels: readonly boolean[], scores: readonly number[]): boolean[] {
  return labels.map((l, i) => ({ l, s: scores[i], i })).sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.l);
}

/** Share of check-worthy sentences among the first k ranked (k capped at the ranking's length). */
export function precisionAt(k: number, rankedLabels: readonly boolean[]): number {
  const top = rankedLabels.slice(0, k);
  return top.length ? top.filter(Boolean).length / top.length : 0;
}

/** Average precision of one ranking (0 when it holds no check-worthy sentence). */
export function averagePrecision(rankedLabels: readonly boolean[]): number {
  let hits = 0;
  let sum = 0;
  rankedLabels.forEach((l, i) => {
    if (l) sum += ++hits / (i + 1);
  });
  return hits ? sum / hits : 0;
}

/** P@10 and MAP over the documents of a set (each document ranked on its own, as an article is), and over the pooled set. */
export function evaluate(sentences: readonly LabelledSentence[], score: (s: LabelledSentence) => number) {
  const byDoc = new Map<string, LabelledSentence[]>();
  for (const s of sentences) byDoc.set(s.doc, [...(byDoc.get(s.doc) ?? []), s]);
  const perDoc = [...byDoc.values()].filter((d) => d.length >= 10).map((d) => ranked(d.map((s) => s.worthy), d.map(score)));
  const pooled = ranked(sentences.map((s) => s.worthy), sentences.map(score));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    documents: perDoc.length,
    p10: mean(perDoc.map((r) => precisionAt(10, r))),
    /** The best P@10 any ranking could reach: documents with fewer than 10 check-worthy sentences cap it. */
    idealP10: mean(perDoc.map((r) => precisionAt(10, [...r].sort((a, b) => Number(b) - Number(a))))),
    map: mean(perDoc.map(averagePrecision)),
    pooledP10: precisionAt(10, pooled),
    pooledAP: averagePrecision(pooled),
  };
}
