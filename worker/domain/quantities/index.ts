/** Quantities in en/ru/kk text: numerals, numbers in words, percentages, money, units, years. */
export { findQuantities, parseNumeral, quantityKey, type Quantity, type QuantityKind } from "./find-quantities";
export { numberWord, type NumberLanguage, type NumberWord } from "./number-words";
export type { Bound, Unit, UnitKind } from "./units";
