import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "./cli";

const dev = "test/bench/match-dev";
const match = (...args: string[]) => run("node_modules/.bin/tsx", ["scripts/match.ts", ...args]);

describe("npm run match -- --corpus CORPUS.tsv --queries QUERIES.tsv", () => {
  it("prints a TREC run of the app's matcher over the development set: every query answered, ranks in order, the right answer first for most", async () => {
    const { status, stdout, stderr } = await match("--corpus", `${dev}/corpus.tsv`, "--queries", `${dev}/queries.tsv`);
    expect(status, stderr).toBe(0);
    expect(stderr).toMatch(/^match: 60 corpus lines indexed in [\d.]+ s, 60 queries in [\d.]+ s$/m);
    const lines = stdout.trim().split("\n").map((l) => l.split(" "));
    for (const l of lines) expect(l).toEqual([expect.stringMatching(/^q\d+$/), "Q0", expect.stringMatching(/^c\d+$/), expect.stringMatching(/^\d+$/), expect.stringMatching(/^-?\d+\.\d{6}$/), "factline"]);
    const byQuery = Map.groupBy(lines, (l) => l[0]!);
    expect(byQuery.size).toBe(60);
    for (const rows of byQuery.values()) {
      expect(rows.map((r) => Number(r[3]))).toEqual(rows.map((_, i) => i + 1));
      const scores = rows.map((r) => Number(r[4]));
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    const qrels = readFileSync(`${dev}/qrels.tsv`, "utf8").trim().split("\n").slice(1).map((l) => l.split("\t"));
    const firstRight = qrels.filter(([q, d]) => byQuery.get(q!)?.[0]?.[2] === d).length;
    // BENCHMARKS.md: MAP@5 0.953, four queries of 60 not ranked first.
    expect(firstRight).toBeGreaterThanOrEqual(55);
  });

  it("says how to call it when a file is missing", async () => {
    const { status, stderr } = await match("--corpus", `${dev}/corpus.tsv`);
    expect(status).toBe(2);
    expect(stderr).toContain("usage: npm run match -- --corpus CORPUS.tsv --queries QUERIES.tsv");
  });
});
