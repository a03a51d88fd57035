import { SingleBar, Presets } from "cli-progress";
import type { Db } from "../../worker/db";
import { articleIdsWithClaims, reanchorArticle } from "../../worker/queries/revisions";

/** Re-anchor every claim of every article against its current revision, with a progress bar. */
export async function reanchorEverything(db: Db, log: (line: string) => void) {
  const ids = await articleIdsWithClaims(db);
  const counts: Record<string, number> = { anchored: 0, moved: 0, changed: 0, orphaned: 0 };
  const bar = new SingleBar({ format: "Re-anchoring [{bar}] {value}/{total} articles", noTTYOutput: true, stream: process.stderr }, Presets.shades_classic);
  bar.start(ids.length, 0);
  for (const id of ids) {
    for (const status of await reanchorArticle(db, id, null)) counts[status]++;
    bar.increment();
  }
  bar.stop();
  log(`${ids.length} articles: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(", ")}`);
  return counts;
}
