import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { bandKeys, decodeSignature, encodeSignature, signature, similarity } from "../../worker/domain/near-duplicate";

const dir = process.env.FACTLINE_SEEDS ?? resolve("../shared/seeds");
const seeds = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(dir, f), "utf8")) : [];

const words = "the ministry said that 1,200 new computers reached rural schools this year while critics said the number could not be checked because no list of schools was published and teachers in three regions wrote that they had received none".split(" ");
const edit = (n: number) => words.map((w, i) => (i % Math.floor(words.length / n) === 0 && i > 0 ? `${w}x` : w)).join(" ");

describe("MinHash near-duplicates", () => {
  it("scores identical text 1 and falls as more words are edited", () => {
    const base = signature(words.join(" "));
    expect(similarity(base, signature(words.join(" ")))).toBe(1);
    const scores = [1, 2, 4, 8].map((n) => similarity(base, signature(edit(n))));
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
    expect(scores[0]).toBeGreaterThan(0.7);
  });

  it("ignores case, punctuation and ё", () => {
    expect(similarity(signature("Всё решено, сказал он."), signature("все решено сказал ОН"))).toBe(1);
  });

  it("round-trips a signature through its stored form, and gives equal texts equal bands", () => {
    const sig = signature(words.join(" "));
    expect(decodeSignature(encodeSignature(sig))).toEqual(sig);
    expect(bandKeys(sig)).toEqual(bandKeys(signature(words.join(" "))));
  });

  it.runIf(seeds.length === 5)("finds seed 001 a near-duplicate of seed 000 (title and date lines apart), and no other seed pair", () => {
    const sigs = seeds.map(signature);
    expect(similarity(sigs[0]!, sigs[1]!)).toBeGreaterThan(0.9);
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) if (!(i === 0 && j === 1)) expect(similarity(sigs[i]!, sigs[j]!)).toBeLessThan(0.2);
  });
});
