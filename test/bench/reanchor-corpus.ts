/**
 * A deterministic corpus of edited revisions for the re-anchoring benchmark, built from the seed
 * texts (read at run time from FACTLINE_SEEDS, never copied into the repo). Each revision is an old
 * text, a new text made from it by one kind of edit, claims made on the old text, and for each
 * claim the known right answer in the new text:
 *   at       the quote is intact (up to quote marks, dashes, whitespace, ё) at this range;
 *            `ambiguous` when another occurrence has the same quote and 32-code-point context;
 *   changed  the quote's words were edited; this range holds the edited words;
 *   gone     the quote was deleted or reworded beyond recognition.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { codePointIndex } from "../../schema/text/code-points";
import { paragraphsToText } from "../../schema/text/paragraphs";
import { parseArticle } from "../../worker/domain/article-parse";
import { describeRange } from "../../worker/domain/text-selector";
import type { TextSelector } from "../../worker/domain/text-selector";
import { foldText } from "../../schema/text/fold";

export type Truth =
  | { kind: "at"; start: number; end: number; ambiguous: boolean }
  | { kind: "changed"; start: number; end: number }
  | { kind: "gone" };

export interface CorpusClaim {
  selector: TextSelector;
  truth: Truth;
}

export const editKinds = [
  "insert-paragraph",
  "delete-sentence",
  "fix-typo-inside",
  "fix-typo-near",
  "introduce-typo-inside",
  "introduce-typo-near",
  "quote-style",
  "merge-paragraphs",
  "split-paragraph",
  "spacing",
  "duplicate-sentence",
  "reword-light",
  "reword-heavy",
] as const;
export type EditKind = (typeof editKinds)[number];

export interface Revision {
  id: string;
  edit: EditKind;
  oldText: string;
  newText: string;
  claims: CorpusClaim[];
}

/** mulberry32: a small seeded PRNG, so every run builds the same corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)];

/** A replacement of old[start, end) (UTF-16) and what it does to a claim it overlaps. */
interface Replacement {
  start: number;
  end: number;
  text: string;
  effect: "typographic" | "edit" | "remove";
}

type Range = { start: number; end: number };
type RawTruth = { kind: "at" | "changed"; start: number; end: number } | { kind: "gone" };

/** Apply non-overlapping replacements; `map` carries an old range (UTF-16) into the new text. */
function applyReplacements(text: string, reps: Replacement[]): { text: string; map: (r: Range) => RawTruth } {
  const sorted = [...reps].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const r of sorted) {
    if (r.start < at) throw new Error("overlapping replacements");
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  out += text.slice(at);
  const map = ({ start, end }: Range): RawTruth => {
    let before = 0;
    let inside = 0;
    let kind: "at" | "changed" = "at";
    for (const r of sorted) {
      const delta = r.text.length - (r.end - r.start);
      // An insertion exactly at the claim's start goes before it; one at its end goes after it.
      if (r.end <= start) {
        before += delta;
        continue;
      }
      if (r.start >= end) continue;
      if (r.effect === "remove") return { kind: "gone" };
      // Words edited across the claim's edge: no single right range remains.
      if (r.effect === "edit" && (r.start < start || r.end > end)) return { kind: "gone" };
      if (r.effect === "edit") kind = "changed";
      inside += delta;
    }
    return { kind, start: start + before, end: end + before + inside };
  };
  return { text: out, map };
}

/** The canonical text of each seed, as the importer stores it. */
export function loadSeeds(dir: string): { name: string; text: string; russian: boolean }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const text = paragraphsToText(parseArticle(readFileSync(resolve(dir, f), "utf8")).paragraphs);
      return { name: f.slice(0, 3), text, russian: /[а-яё]/i.test(text.slice(0, 500)) };
    });
}

/** Sentences of the canonical text, as UTF-16 ranges, with the paragraph each belongs to. */
function sentences(text: string): (Range & { paragraph: number })[] {
  const found: (Range & { paragraph: number })[] = [];
  let offset = 0;
  text.split("\n\n").forEach((p, paragraph) => {
    const re = /[^\s].*?(?:[.!?…]+["»”’)]*(?=\s|$)|$)/gsu;
    for (const m of p.matchAll(re)) {
      if (m[0].trim().length > 0) found.push({ start: offset + m.index, end: offset + m.index + m[0].length, paragraph });
    }
    offset += p.length + 2;
  });
  return found;
}

/** Words (letters and digits) inside [start, end), as UTF-16 ranges. */
function wordsIn(text: string, r: Range): Range[] {
  const out: Range[] = [];
  for (const m of text.slice(r.start, r.end).matchAll(/[\p{L}\p{N}]+/gu)) out.push({ start: r.start + m.index, end: r.start + m.index + m[0].length });
  return out;
}

/** A claim on the old text: a whole sentence or a run of 3–8 words inside one. */
function chooseClaim(rng: Rng, text: string, sentence: Range): Range {
  const words = wordsIn(text, sentence);
  if (words.length < 5 || rng() < 0.45) return sentence;
  const n = Math.min(words.length, 3 + int(rng, 6));
  const first = int(rng, words.length - n + 1);
  return { start: words[first].start, end: words[first + n - 1].end };
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

/** A typo in the word at `w`: swap, drop, double or substitute an inner letter. */
function typo(rng: Rng, text: string, w: Range): Replacement | null {
  const word = text.slice(w.start, w.end);
  if (word.length < 4 || !/^\p{L}+$/u.test(word)) return null;
  const i = 1 + int(rng, word.length - 2);
  const kinds = [
    () => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2),
    () => word.slice(0, i) + word.slice(i + 1),
    () => word.slice(0, i + 1) + word.slice(i),
    () => word.slice(0, i) + (word[i] === "x" ? "z" : "x") + word.slice(i + 1),
  ];
  const wrong = pick(rng, kinds)();
  return wrong === word ? null : { start: w.start, end: w.end, text: wrong, effect: "edit" };
}

const fillerEn = [
  "Editor's note: this article was updated on March %N to include the party's response.",
  "Correction: an earlier version of this article gave the wrong date for the meeting in region %N.",
  "The Central Election Commission registered %N observers for the vote, according to its website.",
  "Turnout in the previous election was %N percent, the commission said.",
];
const fillerRu = [
  "Поправка: в первоначальной версии материала была указана неверная дата встречи в районе %N.",
  "Центральная избирательная комиссия зарегистрировала %N наблюдателей, сообщает пресс-служба.",
  "Явка на прошлых выборах составила %N процентов, сообщили в комиссии.",
];
const filler = (rng: Rng, russian: boolean) => pick(rng, russian ? fillerRu : fillerEn).replace("%N", String(2 + int(rng, 97)));

const rewordEn = ["several thousand", "a record number of", "officials", "promised", "nearly half", "the committee"];
const rewordRu = ["несколько тысяч", "рекордное число", "чиновники", "обещали", "почти половина", "комитет"];

/** Quote marks, apostrophes and dashes restyled across the whole text. */
function restyle(text: string, russian: boolean): Replacement[] {
  const reps: Replacement[] = [];
  const add = (start: number, end: number, t: string) => reps.push({ start, end, text: t, effect: "typographic" });
  for (const m of text.matchAll(/"([^"\n]*)"/g)) {
    add(m.index, m.index + 1, russian ? "«" : "“");
    add(m.index + m[0].length - 1, m.index + m[0].length, russian ? "»" : "”");
  }
  for (const m of text.matchAll(/[“”«»]/g)) add(m.index, m.index + 1, '"');
  for (const m of text.matchAll(/(?<=\p{L})['’](?=\p{L})/gu)) add(m.index, m.index + 1, m[0] === "'" ? "’" : "'");
  for (const m of text.matchAll(/ [-–—] /g)) add(m.index + 1, m.index + 2, m[0][1] === "—" ? "–" : "—");
  return reps;
}

interface Built {
  oldText: string;
  newText: string;
  claims: Range[];
  map: (r: Range) => RawTruth;
}

/** One revision of `base` edited by `kind`; null when the text offers no place for that edit. */
function makeRevision(rng: Rng, base: string, russian: boolean, kind: EditKind, claimCount: number): Built | null {
  let oldText = base;
  const sents = sentences(oldText).filter((s) => s.end - s.start >= 25);
  if (sents.length < claimCount + 2) return null;
  // Claims: the first is the edit's target; the rest are spread over the text.
  const chosen: Range[] = [];
  const claimSentences: (Range & { paragraph: number })[] = [];
  for (let tries = 0; chosen.length < claimCount && tries < 200; tries++) {
    const s = pick(rng, sents);
    const c = chooseClaim(rng, oldText, s);
    if (chosen.some((x) => overlaps(x, c)) || claimSentences.some((x) => x.start === s.start)) continue;
    chosen.push(c);
    claimSentences.push(s);
  }
  if (chosen.length < claimCount) return null;
  const target = chosen[0];
  const targetSentence = claimSentences[0];
  const paragraphStarts = [0, ...[...oldText.matchAll(/\n\n/g)].map((m) => m.index + 2)];
  let reps: Replacement[] = [];
  let claims = chosen;

  // "Fix" kinds: the old text carries the typo, the new one is the seed's own text.
  if (kind === "fix-typo-inside" || kind === "fix-typo-near") {
    const words = kind === "fix-typo-inside" ? wordsIn(oldText, target).slice(1, -1) : contextWords(oldText, target);
    const t = words.length ? typo(rng, oldText, pick(rng, words)) : null;
    if (!t || chosen.slice(1).some((c) => overlaps(c, t))) return null;
    const broken = applyReplacements(oldText, [t]);
    claims = chosen.map((c) => {
      const m = broken.map(c);
      if (m.kind === "gone") throw new Error("typo removed a claim");
      return { start: m.start, end: m.end };
    });
    oldText = broken.text;
    reps = [{ start: t.start, end: t.start + t.text.length, text: base.slice(t.start, t.end), effect: "edit" }];
  } else if (kind === "introduce-typo-inside" || kind === "introduce-typo-near") {
    const words = kind === "introduce-typo-inside" ? wordsIn(oldText, target).slice(1, -1) : contextWords(oldText, target);
    const t = words.length ? typo(rng, oldText, pick(rng, words)) : null;
    if (!t || chosen.slice(1).some((c) => overlaps(c, t))) return null;
    reps = [t];
  } else if (kind === "insert-paragraph") {
    const at = rng() < 0.5 ? paragraphStarts.filter((p) => p <= target.start).pop()! : pick(rng, paragraphStarts);
    reps = [{ start: at, end: at, text: `${filler(rng, russian)}\n\n`, effect: "typographic" }];
  } else if (kind === "delete-sentence") {
    const s = rng() < 0.7 ? targetSentence : pick(rng, sents);
    const paragraphStart = s.start === 0 || oldText.startsWith("\n\n", s.start - 2);
    const range = oldText.startsWith(" ", s.end)
      ? { start: s.start, end: s.end + 1 } // and the space after it
      : paragraphStart && oldText.startsWith("\n\n", s.end)
        ? { start: s.start, end: s.end + 2 } // a one-sentence paragraph, with its break
        : oldText[s.start - 1] === " "
          ? { start: s.start - 1, end: s.end } // the last sentence, with the space before it
          : s;
    reps = [{ ...range, text: "", effect: "remove" }];
  } else if (kind === "quote-style") {
    reps = restyle(oldText, russian);
    if (reps.length === 0) return null;
  } else if (kind === "merge-paragraphs") {
    const breaks = [...oldText.matchAll(/\n\n/g)].map((m) => m.index);
    if (breaks.length === 0) return null;
    const near = breaks.filter((b) => Math.abs(b - target.start) < 600);
    const b = pick(rng, near.length ? near : breaks);
    reps = [{ start: b, end: b + 2, text: " ", effect: "typographic" }];
  } else if (kind === "split-paragraph") {
    const gaps = [...oldText.matchAll(/(?<=[.!?]["»”]?) (?=[\p{Lu}"«“])/gu)].map((m) => m.index);
    if (gaps.length === 0) return null;
    const inside = gaps.filter((g) => g >= target.start - 200 && g < target.end + 200);
    const g = pick(rng, inside.length ? inside : gaps);
    reps = [{ start: g, end: g + 1, text: "\n\n", effect: "typographic" }];
  } else if (kind === "spacing") {
    for (const m of oldText.matchAll(/ /g)) if (rng() < 0.05) reps.push({ start: m.index, end: m.index + 1, text: rng() < 0.5 ? "  " : "\u00a0", effect: "typographic" });
    if (reps.length === 0) return null;
  } else if (kind === "duplicate-sentence") {
    const elsewhere = sents.filter((s) => Math.abs(s.paragraph - targetSentence.paragraph) >= 2);
    if (elsewhere.length === 0) return null;
    const host = pick(rng, elsewhere);
    const copy = oldText.slice(targetSentence.start, targetSentence.end);
    reps = [{ start: host.end, end: host.end, text: ` ${copy}`, effect: "typographic" }];
    if (chosen.some((c) => c.start < host.end && c.end > host.end)) return null;
  } else if (kind === "reword-light") {
    const words = wordsIn(oldText, target).slice(1, -1).filter((w) => w.end - w.start >= 4);
    if (words.length === 0) return null;
    const w = pick(rng, words);
    reps = [{ start: w.start, end: w.end, text: pick(rng, russian ? rewordRu : rewordEn), effect: "edit" }];
  } else if (kind === "reword-heavy") {
    reps = [{ start: target.start, end: target.end, text: filler(rng, russian).replace(/\.$/, ""), effect: "remove" }];
  }
  if (kind !== "quote-style" && kind !== "spacing") {
    // Other claims must not straddle the edit; the edit is aimed at the target only.
    for (const c of claims.slice(1)) for (const r of reps) if (r.start < c.end && r.end > c.start && (r.start < c.start || r.end > c.end)) return null;
  }
  const applied = applyReplacements(oldText, reps);
  return { oldText, newText: applied.text, claims, map: applied.map };
}

/** Words in the 32 characters before and after a claim (its stored context), not in it. */
function contextWords(text: string, claim: Range): Range[] {
  return [...wordsIn(text, { start: Math.max(0, claim.start - 30), end: claim.start }), ...wordsIn(text, { start: claim.end, end: claim.end + 30 })].filter(
    (w) => w.end <= claim.start || w.start >= claim.end,
  );
}

/** Whether the intact quote at `range` of `text` has a twin: same folded quote and context elsewhere. */
function isAmbiguous(text: string, range: Range): boolean {
  const cpStart = codePointIndex(text, range.start);
  const cpEnd = codePointIndex(text, range.end);
  const own = describeRange(text, cpStart, cpEnd);
  const key = (s: TextSelector) => `${foldText(s.prefix)}\u0001${foldText(s.suffix)}`;
  const quote = text.slice(range.start, range.end);
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (at === range.start) continue;
    const s = codePointIndex(text, at);
    if (key(describeRange(text, s, s + (cpEnd - cpStart))) === key(own)) return true;
  }
  return false;
}

function toTruth(text: string, raw: RawTruth): Truth {
  if (raw.kind === "gone") return raw;
  const start = codePointIndex(text, raw.start);
  const end = codePointIndex(text, raw.end);
  return raw.kind === "changed" ? { kind: "changed", start, end } : { kind: "at", start, end, ambiguous: isAmbiguous(text, raw) };
}

/** Build `perSeed` revisions per seed text, every edit kind in turn, with `claimCount` claims each. */
export function buildCorpus(seedsDir: string, options: { perSeed?: number; claimCount?: number; seed?: number } = {}): Revision[] {
  const { perSeed = 65, claimCount = 4, seed = 20260 } = options;
  const rng = prng(seed);
  const revisions: Revision[] = [];
  for (const s of loadSeeds(seedsDir)) {
    let made = 0;
    for (let attempt = 0; made < perSeed && attempt < perSeed * 20; attempt++) {
      const kind = editKinds[(made + attempt) % editKinds.length];
      const built = makeRevision(rng, s.text, s.russian, kind, claimCount);
      if (!built) continue;
      const claims = built.claims.map((c) => {
        const start = codePointIndex(built.oldText, c.start);
        const end = codePointIndex(built.oldText, c.end);
        return { selector: describeRange(built.oldText, start, end), truth: toTruth(built.newText, built.map(c)) };
      });
      revisions.push({ id: `${s.name}-${made}`, edit: kind, oldText: built.oldText, newText: built.newText, claims });
      made++;
    }
  }
  return revisions;
}

/**
 * A ~200 KB article of seed-vocabulary sentences (unique, so claims are not accidentally repeated),
 * 1,000 claims on it, and a revision with many edits of every kind at once.
 */
export function buildLargeRevision(seedsDir: string, options: { bytes?: number; claims?: number; seed?: number } = {}): Revision {
  const { bytes = 200_000, claims: claimTotal = 1000, seed = 7 } = options;
  const rng = prng(seed);
  const vocabulary = [...new Set(loadSeeds(seedsDir).filter((s) => !s.russian).flatMap((s) => s.text.match(/[\p{L}\p{N}’',]+/gu) ?? []))];
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentencesInParagraph: string[] = [];
    for (let k = 2 + int(rng, 4); k > 0; k--) {
      const words = Array.from({ length: 8 + int(rng, 18) }, () => pick(rng, vocabulary));
      words[0] = words[0][0].toUpperCase() + words[0].slice(1);
      if (rng() < 0.15) words.splice(1 + int(rng, words.length - 2), 0, `"${pick(rng, vocabulary)} ${pick(rng, vocabulary)}"`);
      sentencesInParagraph.push(`${words.join(" ").replace(/,$/, "")}.`);
    }
    const p = sentencesInParagraph.join(" ");
    paragraphs.push(p);
    size += p.length + 2;
  }
  const oldText = paragraphs.join("\n\n");
  const sents = sentences(oldText);
  const chosen: Range[] = [];
  const step = Math.floor(sents.length / claimTotal);
  for (let i = 0; chosen.length < claimTotal && i < sents.length; i += Math.max(1, step)) chosen.push(chooseClaim(rng, oldText, sents[i]));
  // Edits of every kind, each on its own claim or between claims.
  const reps: Replacement[] = [];
  const free = (r: Range) => !reps.some((x) => x.start < r.end + 1 && r.start < x.end + 1);
  const paragraphStarts = [0, ...[...oldText.matchAll(/\n\n/g)].map((m) => m.index + 2)];
  for (let i = 0; i < 40; i++) {
    const at = pick(rng, paragraphStarts);
    if (free({ start: at, end: at })) reps.push({ start: at, end: at, text: `${filler(rng, false)}\n\n`, effect: "typographic" });
  }
  for (const c of chosen) {
    const roll = rng();
    const words = wordsIn(oldText, c).slice(1, -1);
    if (roll < 0.03) {
      const t = words.length ? typo(rng, oldText, pick(rng, words)) : null;
      if (t && free(t)) reps.push(t);
    } else if (roll < 0.05 && free(c)) reps.push({ start: c.start, end: c.end, text: "", effect: "remove" });
    else if (roll < 0.07 && words.length) {
      const w = pick(rng, words);
      if (free(w)) reps.push({ start: w.start, end: w.end, text: pick(rng, rewordEn), effect: "edit" });
    }
  }
  for (const m of oldText.matchAll(/\n\n/g)) if (rng() < 0.05 && free({ start: m.index, end: m.index + 2 })) reps.push({ start: m.index, end: m.index + 2, text: " ", effect: "typographic" });
  for (const r of restyle(oldText, false)) if (rng() < 0.5 && free(r)) reps.push(r);
  const applied = applyReplacements(oldText, reps);
  const claims = chosen.map((c) => {
    const start = codePointIndex(oldText, c.start);
    const end = codePointIndex(oldText, c.end);
    return { selector: describeRange(oldText, start, end), truth: toTruth(applied.text, applied.map(c)) };
  });
  return { id: "large", edit: "insert-paragraph", oldText, newText: applied.text, claims };
}
