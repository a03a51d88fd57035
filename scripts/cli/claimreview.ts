import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { Presets, SingleBar } from "cli-progress";
import type { Db } from "../../worker/db";
import { readClaimReviews } from "../../worker/domain/claimreview-import";
import { importExternalReviews } from "../../worker/queries/fact-checks";

/**
 * Other organisations' ClaimReview (JSON-LD files, or HTML pages that carry it) into the match corpus,
 * as POST /api/fact-checks/import does; idempotent. One line a file, or a progress bar on a terminal.
 */
export async function importClaimReviewFiles(db: Db, files: readonly string[]) {
  const totals = { found: 0, created: 0, existing: 0, failed: 0 };
  const bar = process.stdout.isTTY && files.length > 1 ? new SingleBar({ format: "Importing [{bar}] {value}/{total} {file}" }, Presets.shades_classic) : null;
  bar?.start(files.length, 0, { file: "" });
  for (const [i, file] of files.entries()) {
    bar?.update(i, { file: basename(file) });
    try {
      const reviews = readClaimReviews(await readFile(file, "utf8"));
      if (reviews.length === 0) throw new Error("no ClaimReview with a claimReviewed");
      const result = await importExternalReviews(db, reviews, null);
      totals.found += reviews.length;
      totals.created += result.created;
      totals.existing += result.existing;
      if (!bar) console.log(`[${i + 1}/${files.length}] ${basename(file)}: ${reviews.length} found, ${result.created} new, ${result.existing} already here`);
    } catch (err) {
      totals.failed++;
      const line = `[${i + 1}/${files.length}] ${basename(file)}: failed: ${(err as Error).message}`;
      if (bar) process.stderr.write(`\n${line}\n`);
      else console.error(line);
    }
  }
  bar?.update(files.length, { file: "" });
  bar?.stop();
  console.log(`${totals.found} fact-checks found, ${totals.created} imported, ${totals.existing} already imported, ${totals.failed} files failed`);
  return totals;
}
