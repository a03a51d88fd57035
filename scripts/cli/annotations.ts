import { readFile } from "node:fs/promises";
import { annotationImportDocument } from "../../schema/annotation-inputs";
import { may } from "../../schema/workflow";
import type { Db } from "../../worker/db";
import { readAnnotationDocument } from "../../worker/domain/annotation-import";
import { importAnnotations } from "../../worker/queries/annotation-import";
import { findLoginUser } from "../../worker/queries/users";

/**
 * A Hypothesis or W3C annotation file onto an article of the local D1, as drafts of the staff member
 * `email`: the same code as POST /api/articles/:id/annotations/import. Prints a line an annotation and the counts.
 */
export async function importAnnotationFile(db: Db, articleId: number, file: string, email: string) {
  const user = await findLoginUser(db, email);
  if (!user) throw new Error(`no active user ${email} in this D1`);
  const power = may(user, "importAnnotations");
  if (!power.ok) throw new Error(power.reason);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    throw new Error(`${file} is not JSON: ${(err as Error).message}`);
  }
  const parsed = annotationImportDocument.safeParse(json);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "not an annotation document");
  const result = await importAnnotations(db, articleId, readAnnotationDocument(parsed.data), user);
  for (const item of result.items) {
    console.log(`${item.status.padEnd(8)}  ${item.id ?? "(no id)"}${item.claimId ? `  → claim ${item.claimId}` : ""}${item.reason ? `  (${item.reason})` : ""}`);
  }
  console.log(`${Object.entries(result.counts).map(([k, n]) => `${n} ${k}`).join(", ")}; ${result.created} drafts created on article ${articleId}`);
  return result;
}
