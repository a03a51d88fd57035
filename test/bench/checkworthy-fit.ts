/**
 * Fits the check-worthiness weights on the development sentences and writes them to
 * worker/domain/checkworthy/weights.ts:
 *
 *   npm run fit:checkworthy
 *
 * Logistic regression with an L2 penalty, full-batch gradient descent from zero for a fixed
 * number of steps: the same data always gives the same weights. The held-out part is not read here.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { featureNames, sentenceFeatures } from "../../worker/domain/checkworthy";
import { readLabelled } from "./checkworthy-eval";

/** L2 penalty: keeps a feature seen in a handful of sentences from taking an extreme weight. */
const lambda = 0.02;
const steps = 4000;
const rate = 0.5;

const dev = readLabelled("dev");
const xs = dev.map((s) => featureNames.map((n) => sentenceFeatures(s.text, s.lang)[n]));
const ys = dev.map((s) => (s.worthy ? 1 : 0));
const w = featureNames.map(() => 0);
let b = 0;
for (let step = 0; step < steps; step++) {
  const gw = w.map(() => 0);
  let gb = 0;
  xs.forEach((x, i) => {
    const z = b + x.reduce((acc, v, j) => acc + v * w[j], 0);
    const err = 1 / (1 + Math.exp(-z)) - ys[i];
    gb += err;
    x.forEach((v, j) => (gw[j] += err * v));
  });
  b -= (rate * gb) / xs.length;
  w.forEach((_, j) => (w[j] -= rate * (gw[j] / xs.length + lambda * w[j])));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const file = fileURLToPath(new URL("../../worker/domain/checkworthy/weights.ts", import.meta.url));
writeFileSync(
  file,
  `/**
 * Weights of the check-worthiness features: the log-odds each signal adds, fitted by logistic
 * regression (L2 ${lambda}, ${steps} steps of full-batch gradient descent from zero, so deterministic)
 * on the development part of our own labelled sentences (test/fixtures/checkworthy/dev.tsv, ${dev.length} sentences).
 * Written by \`npm run fit:checkworthy\`; do not edit by hand. The held-out part is never fitted on.
 */
import type { FeatureName } from "./features";

export const bias = ${round(b)};

export const weights: Record<FeatureName, number> = {
${featureNames.map((n, j) => `  ${n}: ${round(w[j])},`).join("\n")}
};
`,
);
console.log(`bias ${round(b)}`);
featureNames.forEach((n, j) => console.log(`${n.padEnd(18)} ${round(w[j])}`));
