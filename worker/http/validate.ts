import { zValidator } from "@hono/zod-validator";
import type { Context, ValidationTargets } from "hono";
import type { z } from "zod";
import { apiError } from "./errors";

/** What a validator middleware checks, kept on it so the OpenAPI document is generated from the routes themselves. */
export interface DocumentedInput {
  target: keyof ValidationTargets;
  schema: z.ZodType;
}

/** The property of a `validate` middleware that holds its DocumentedInput. */
export const documentedInput = Symbol("documentedInput");

/** One problem with the input: the field (dotted path) and what is wrong with it. */
export interface InputIssue {
  path: string;
  message: string;
}

/**
 * zValidator that fails with the API's 400 shape, listing each problem by field; a public page passes
 * `refused` to answer with its own page instead (an HTML 400 in the site's layout).
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
  refused?: (c: Context, issues: InputIssue[]) => Response | Promise<Response>,
) {
  const middleware = zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const issues: InputIssue[] = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      if (refused) return refused(c, issues);
      const first = issues[0];
      throw apiError(400, "invalid_input", first ? `${first.path || target}: ${first.message}` : "Invalid input.", issues);
    }
  });
  const input: DocumentedInput = { target, schema };
  return Object.assign(middleware, { [documentedInput]: input });
}
