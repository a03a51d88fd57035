/**
 * Near-duplicate texts by MinHash over word shingles, with LSH bands to find candidates in SQL.
 *
 * Written here rather than taken from npm: bloom-filters' MinHash would bring lodash, reflect-metadata,
 * seedrandom and xxhashjs into the Worker and wants numeric sets; the `minhash` package has not been
 * maintained since 2016. The algorithm is short, and every constant is fixed, so a signature stored
 * today compares with one computed next year.
 */

/** Words a shingle: three keeps one edited word from touching more than three shingles. */
export const shingleWords = 3;
/** Hash functions a signature; bands × rows = permutations. */
export const permutations = 128;
export const bands = 32;
const rows = permutations / bands;
/** Estimated Jaccard similarity at or above which an import is a reprint of an existing article. */
export const nearDuplicateThreshold = 0.7;

const prime = 4294967311; // the first prime above 2^32

/** FNV-1a over UTF-16 units: a stable 32-bit hash of a shingle. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Fixed coefficients of the permutations (a deterministic generator, never Math.random). */
const coefficients = (() => {
  let x = 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) || 1;
  };
  return Array.from({ length: permutations }, () => [next(), next()] as const);
})();

/** (a·h + b) mod p without losing precision: split a into 16-bit halves. */
function permute(h: number, a: number, b: number): number {
  const hi = ((a >>> 16) * h) % prime;
  return ((hi * 65536) % prime + ((a & 0xffff) * h) % prime + b) % prime;
}

/** Folded words of a text: case, ё and punctuation do not make a text different. */
function words(text: string): string[] {
  return text.normalize("NFC").toLowerCase().replaceAll("ё", "е").match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The MinHash signature of a text's word shingles. */
export function signature(text: string): number[] {
  const w = words(text);
  const sig = new Array<number>(permutations).fill(Number.MAX_SAFE_INTEGER);
  const count = Math.max(1, w.length - shingleWords + 1);
  for (let i = 0; i < count; i++) {
    const h = fnv1a(w.slice(i, i + shingleWords).join(" "));
    for (let k = 0; k < permutations; k++) {
      const [a, b] = coefficients[k]!;
      const v = permute(h, a, b);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures: the share of equal minima. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let k = 0; k < permutations; k++) if (a[k] === b[k]) same++;
  return same / permutations;
}

/** LSH band keys: two texts with Jaccard 0.7 share at least one band with probability above 0.99. */
export function bandKeys(sig: readonly number[]): string[] {
  return Array.from({ length: bands }, (_, i) => `${i}:${fnv1a(sig.slice(i * rows, (i + 1) * rows).join(","))}`);
}

/** Stored form of a signature, and back. */
export const encodeSignature = (sig: readonly number[]) => sig.map((v) => v.toString(36)).join(",");
export const decodeSignature = (s: string) => s.split(",").map((v) => parseInt(v, 36));
