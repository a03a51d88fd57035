/**
 * Weights of the check-worthiness features: the log-odds each signal adds, fitted by logistic
 * regression (L2 0.02, 4000 steps of full-batch gradient descent from zero, so deterministic)
 * on the development part of our own labelled sentences (test/fixtures/checkworthy/dev.tsv, 219 sentences).
 * Written by `npm run fit:checkworthy`; do not edit by hand. The held-out part is never fitted on.
 */
import type { FeatureName } from "./features";

export const bias = -1.498;

export const weights: Record<FeatureName, number> = {
  quantity: 1.496,
  strongQuantity: 1.098,
  largeCount: 0.192,
  moreQuantities: 0.112,
  wordQuantity: 0.342,
  vagueQuantity: 0,
  bound: 0.453,
  year: 0.318,
  date: 0.112,
  comparison: 0.867,
  timeFrame: 0.281,
  attribution: 0.856,
  entities: 0.08,
  question: -0.362,
  exclamation: -0.025,
  opinion: -0.568,
  firstPerson: -0.53,
  eventReport: -0.202,
  boilerplate: -0.152,
  noEndPunctuation: -0.648,
  short: -0.777,
  long: 0.334,
};
