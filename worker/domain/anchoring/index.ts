// Re-anchoring claims in new revisions of an article's text.
export { reanchor, reanchorAll, DEFAULT_THRESHOLD } from "./reanchor";
export type { AnchorStatus, OrphanReason, ReanchorOptions, ReanchorResult } from "./reanchor";
export { prepareText } from "./prepared-text";
export type { PreparedText } from "./prepared-text";
export { contextLength, describeRange, selectorMatches } from "../text-selector";
export type { TextSelector } from "../text-selector";
export { normalizeForMatching } from "./normalize";
export type { NormalizedText } from "./normalize";
