/** Baselines the check-worthiness scorer is measured against. */

/** The floor rule "the sentence contains a number": 1 when it holds a digit, else 0 (ties keep document order). */
export const containsNumber = (s: { text: string }): number => (/\p{Nd}/u.test(s.text) ? 1 : 0);
