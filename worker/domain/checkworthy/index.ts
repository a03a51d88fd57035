/** Check-worthy sentence suggestions: segmentation, signals, fitted weights, scoring. */
export { checkworthiness, suggestCheckworthy, type ScoredSentence } from "./score";
export { featureNames, sentenceFeatures, type FeatureName, type Features } from "./features";
export { splitSentences, type Sentence } from "./sentences";
