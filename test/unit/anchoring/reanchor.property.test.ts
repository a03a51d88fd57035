import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldText } from "../../../schema/text/fold";
import { reanchor } from "../../../worker/domain/anchoring/reanchor";
import { describeRange } from "../../../worker/domain/text-selector";

/** Letters, Cyrillic with ё, an emoji and typographic marks: what folding and code point offsets must survive. */
const alphabet = [..."abcdefghijklmnopqrstuvwxyzабвгдеёжзиклмнопрстуфхцчшэюя0123456789", "😀", "«", "»", "’", "'"];
const word = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 9 }).map((cs) => cs.join(""));
const separator = fc.constantFrom(" ", " ", " ", ", ", ". ", "\n\n", " — ", "\u00a0");
const words = (min: number, max: number) => fc.array(fc.tuple(word, separator), { minLength: min, maxLength: max });

/** An edit in code points of the old text: remove `remove` code points at `at`, insert `insert` there. */
interface Edit {
  at: number;
  remove: number;
  insert: string[];
}

/** A text of random words with a claim on a run of them, and random edits drawn anywhere. */
const scenario = words(20, 90).chain((tokens) =>
  fc.record({
    tokens: fc.constant(tokens),
    first: fc.nat({ max: tokens.length - 3 }),
    count: fc.integer({ min: 2, max: 6 }),
    edits: fc.array(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        remove: fc.nat({ max: 25 }),
        insert: words(0, 6).map((ws) => [...ws.map(([w, s]) => w + s).join("")]),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  }),
);

/** Build the old text (as code points) and the claim's code point range. */
function build(s: { tokens: [string, string][]; first: number; count: number }) {
  const chars: string[] = [];
  let start = 0;
  let end = 0;
  s.tokens.forEach(([w, sep], i) => {
    if (i === s.first) start = chars.length;
    chars.push(...w);
    if (i === Math.min(s.first + s.count, s.tokens.length) - 1) end = chars.length;
    chars.push(...sep);
  });
  return { chars, start, end };
}

/** Apply non-overlapping edits lying inside the allowed zones; return the new text and the shift before `mark`. */
function applyEdits(chars: string[], edits: Edit[], zones: [number, number][], mark: number) {
  const placed: Edit[] = [];
  for (const e of edits) {
    const zone = zones[Math.floor(e.at * zones.length) % zones.length];
    if (zone[1] <= zone[0]) continue;
    const at = zone[0] + Math.floor(((e.at * zones.length) % 1) * (zone[1] - zone[0]));
    const remove = Math.min(e.remove, zone[1] - at);
    placed.push({ at, remove, insert: e.insert });
  }
  placed.sort((a, b) => a.at - b.at);
  const kept: Edit[] = [];
  for (const e of placed) if (kept.length === 0 || e.at >= kept[kept.length - 1].at + kept[kept.length - 1].remove) kept.push(e);
  const out = [...chars];
  let shift = 0;
  for (const e of [...kept].reverse()) out.splice(e.at, e.remove, ...e.insert);
  for (const e of kept) if (e.at + e.remove <= mark) shift += e.insert.length - e.remove;
  return { text: out.join(""), shift };
}

/** Quote and context untouched: the code points kept clear on each side of the claim. */
const clearance = 32 + 2;

describe("reanchor properties", () => {
  it("edits away from a claim's quote and context never change where it is anchored", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { chars, start, end } = build(s);
        const text = chars.join("");
        const sel = describeRange(text, start, end);
        const quote = foldText(sel.exact);
        fc.pre(quote.length >= 12 && foldText(text).split(quote).length === 2);
        const zones: [number, number][] = [
          [0, Math.max(0, start - clearance)],
          [Math.min(chars.length, end + clearance), chars.length],
        ];
        const { text: next, shift } = applyEdits(chars, s.edits, zones, start);
        const result = reanchor(sel, next);
        expect(["anchored", "moved"]).toContain(result.status);
        expect(result.selector).toEqual(describeRange(next, start + shift, end + shift));
        if (shift === 0) expect(result).toMatchObject({ status: "anchored", confidence: 1 });
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it("edits that delete a claim's quote never anchor it or move it anywhere", () => {
    fc.assert(
      fc.property(scenario, fc.nat({ max: 10 }), fc.nat({ max: 10 }), (s, before, after) => {
        const { chars, start, end } = build(s);
        const text = chars.join("");
        const sel = describeRange(text, start, end);
        const quote = foldText(sel.exact);
        fc.pre(quote.length >= 12 && foldText(text).split(quote).length === 2);
        const from = Math.max(0, start - before);
        const deleted = [...chars.slice(0, from), ...chars.slice(Math.min(chars.length, end + after))];
        const zones: [number, number][] = [[0, deleted.length]];
        const { text: next } = applyEdits(deleted, s.edits, zones, 0);
        fc.pre(!foldText(next).includes(quote));
        const result = reanchor(sel, next);
        expect(["changed", "orphaned"]).toContain(result.status);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it("a letter changed inside a claim's quote is flagged as changed at the claim's place, never placed", () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom("x", "ж", "q"), (s, where, letter) => {
        const { chars, start, end } = build(s);
        const text = chars.join("");
        const sel = describeRange(text, start, end);
        const quote = foldText(sel.exact);
        fc.pre(quote.length >= 12 && foldText(text).split(quote).length === 2);
        const at = start + Math.floor(where * (end - start));
        fc.pre(chars[at] !== letter && /\p{L}/u.test(chars[at]));
        const edited = [...chars];
        edited[at] = letter;
        const next = edited.join("");
        const result = reanchor(sel, next);
        expect(result.status).toBe("changed");
        expect(result.selector).toEqual(describeRange(next, start, end));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });
});
