import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { SingleBar, Presets } from "cli-progress";
import { articleImportInput } from "../../schema/inputs";
import type { Db } from "../../worker/db";
import { importArticle } from "../../worker/queries/articles";

const formats: Record<string, "text" | "markdown" | "html"> = { ".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html" };

export interface ImportSummary {
  created: string[];
  /** A new revision of an article with the same source URL. */
  revised: { file: string; of: string; revision: number }[];
  duplicates: { file: string; of: string; revision: number }[];
  /** An older copy: the text of an earlier revision. Nothing stored. */
  earlier: { file: string; of: string; revision: number; current: number }[];
  /** A reprint with small edits of another article: recorded against it. */
  reprints: { file: string; of: string; similarity: number }[];
  failed: { file: string; reason: string }[];
}

/** Import files through the API's validation and import code, with a progress bar on a terminal. */
export async function importFiles(db: Db, files: string[], log: (line: string) => void = console.log): Promise<ImportSummary> {
  const summary: ImportSummary = { created: [], revised: [], duplicates: [], earlier: [], reprints: [], failed: [] };
  const bar = process.stdout.isTTY && files.length > 1 ? new SingleBar({ format: "Importing [{bar}] {value}/{total} {file}" }, Presets.shades_classic) : null;
  bar?.start(files.length, 0, { file: "" });
  for (const [i, file] of files.entries()) {
    bar?.update(i, { file: basename(file) });
    if (!bar) log(`[${i + 1}/${files.length}] ${basename(file)}`);
    try {
      const format = formats[extname(file).toLowerCase()];
      if (!format) throw new Error(`unsupported file type ${extname(file) || "(none)"}; use .txt, .md or .html`);
      const parsed = articleImportInput.safeParse({ text: await readFile(file, "utf8"), format });
      if (!parsed.success) throw new Error(parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; "));
      const result = await importArticle(db, parsed.data, null);
      const name = basename(file);
      const of = result.article.slug;
      if (result.status === "created") summary.created.push(`${name} → /articles/${of}`);
      else if (result.status === "revised") summary.revised.push({ file: name, of, revision: result.revision.number });
      else if (result.status === "duplicate") summary.duplicates.push({ file: name, of, revision: result.revision.number });
      else if (result.status === "near_duplicate") summary.reprints.push({ file: name, of, similarity: result.similarity });
      else summary.earlier.push({ file: name, of, revision: result.revision.number, current: result.currentRevision.number });
    } catch (err) {
      const cause = (err as Error).cause as Error | undefined;
      summary.failed.push({ file: basename(file), reason: cause?.message ?? (err as Error).message });
    }
  }
  bar?.update(files.length, { file: "" });
  bar?.stop();
  return summary;
}

/** Print what an import did, one line per outcome. */
export function printSummary(summary: ImportSummary, log: (line: string) => void = console.log) {
  for (const line of summary.created) log(`  created    ${line}`);
  for (const r of summary.revised) log(`  revised    ${r.file} → /articles/${r.of}, now at revision ${r.revision}`);
  for (const d of summary.duplicates) log(`  duplicate  ${d.file} is the same article as /articles/${d.of} (revision ${d.revision}); nothing stored`);
  for (const p of summary.reprints) log(`  reprint    ${p.file} is a near-duplicate of /articles/${p.of} (similarity ${p.similarity.toFixed(2)}); recorded as a reprint, not a new article`);
  for (const e of summary.earlier) log(`  older copy ${e.file} is revision ${e.revision} of /articles/${e.of}, which is now at revision ${e.current}; nothing stored`);
  for (const f of summary.failed) log(`  failed     ${f.file}: ${f.reason}`);
  const counts = [`${summary.created.length} created`, `${summary.revised.length} revised`, `${summary.duplicates.length} duplicates`, ...(summary.reprints.length ? [`${summary.reprints.length} reprints`] : []), `${summary.earlier.length} older copies`, `${summary.failed.length} failed`];
  log(counts.join(", "));
}
