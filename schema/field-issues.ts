/**
 * A field's problem as the API reports it in an `invalid_input` error (`details`: one a problem), and
 * the workspace says it as a sentence in the person's language (web/src/lib/field-errors.ts).
 */
export interface FieldIssue {
  /** zod's issue code (`too_small`, `invalid_format`, …), or `required` for a missing field. */
  code: string;
  /** `email`, `url`, `date`, `datetime`, `regex`… for an invalid_format. */
  format?: string;
  /** What was measured: `string`, `number`, `array`… for too_small and too_big. */
  origin?: string;
  minimum?: number;
  maximum?: number;
}

/** One problem of an `invalid_input` error: the field's dotted path, the server's English message, and the issue. */
export type InputProblem = FieldIssue & { path: string; message: string };
