import { Hono } from "hono";
import { annotationImportDocument } from "../../schema/annotation-inputs";
import { idParam } from "../../schema/inputs";
import { readAnnotationDocument } from "../domain/annotation-import";
import type { AppEnv } from "../env";
import { apiError } from "../http/errors";
import { validate } from "../http/validate";
import { requirePower } from "../middleware/auth";
import { importAnnotations } from "../queries/annotation-import";

/** Hypothesis and W3C annotations onto an article, as the importer's drafts (README "Annotations from other tools"). */
export const annotationImportRoutes = new Hono<AppEnv>().post(
  "/:id/annotations/import",
  requirePower("importAnnotations"),
  validate("param", idParam),
  validate("json", annotationImportDocument),
  async (c) => {
    const read = readAnnotationDocument(c.req.valid("json"));
    if (read.found.length === 0 && read.passedOver.every((p) => p.status === "invalid")) {
      throw apiError(400, "invalid_annotations", "None of these annotations could be read; nothing was imported.", read.passedOver);
    }
    const result = await importAnnotations(c.get("db"), c.req.valid("param").id, read, c.get("user")!);
    return c.json(result, result.created > 0 ? 201 : 200);
  },
);
