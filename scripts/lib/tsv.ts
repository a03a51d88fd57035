import { readFile } from "node:fs/promises";

/** Rows of a tab-separated file with a header line; blank lines are skipped. */
export async function readTsv(path: string): Promise<string[][]> {
  const lines = (await readFile(path, "utf8")).split(/\r?\n/);
  return lines.slice(1).filter((l) => l.trim() !== "").map((l) => l.split("\t"));
}
