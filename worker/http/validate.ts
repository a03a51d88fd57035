import { zValidator } from "@hono/zod-validator";
import type { Context, ValidationTargets } from "hono";
import type { z } from "zod";
import type { FieldIssue, InputProblem } from "../../schema/field-issues";
import { apiError } from "./errors";

/** What a validator middleware checks, kept on it so the OpenAPI document is generated from the routes themselves. */
export interface DocumentedInput {
  target: keyof ValidationTargets;
  schema: z.ZodType;
}

/** The property of a `validate` middleware that holds its DocumentedInput. */
export const documentedInput = Symbol("documentedInput");

/**
 * zValidator that fails with the API's 400 shape, listing each problem by field; a public page passes
 * `refused` to answer with its own page instead (an HTML 400 in the site's layout).
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
  refused?: (c: Context, issues: InputProblem[]) => Response | Promise<Response>,
) {
  const middleware = zValidator(target, schema, (result, c) => {
    if (!result.success) {
      // Each issue by field, with zod's code and bounds: the workspace turns them into sentences in its own language.
      const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message, ...fieldIssue(i, result.data) }));
      if (refused) return refused(c, issues);
      const first = issues[0];
      throw apiError(400, "invalid_input", first ? `${first.path || target}: ${first.message}` : "Invalid input.", issues);
    }
  });
  const input: DocumentedInput = { target, schema };
  return Object.assign(middleware, { [documentedInput]: input });
}

/** What of a zod issue the client needs to say it as a sentence: its code, and the format or bounds it names. */
function fieldIssue(issue: z.core.$ZodIssue, input: unknown): FieldIssue {
  const out: FieldIssue = { code: issue.code };
  // A union of formats (a date or a date-time) names the first one it tried.
  if (issue.code === "invalid_union") {
    const first = issue.errors[0]?.[0];
    if (first && "format" in first && typeof first.format === "string") out.format = first.format;
  }
  if ("format" in issue && typeof issue.format === "string") out.format = issue.format;
  if ("origin" in issue && typeof issue.origin === "string") out.origin = issue.origin;
  if ("minimum" in issue) out.minimum = Number(issue.minimum);
  if ("maximum" in issue) out.maximum = Number(issue.maximum);
  // A missing field is an invalid_type whose input is undefined: say "fill this in", not "wrong type".
  if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) out.code = "required";
  return out;
}

const valueAt = (input: unknown, path: readonly PropertyKey[]) =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);
