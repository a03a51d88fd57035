/**
 * Field problems as sentences: an `invalid_input` refusal lists each problem by field with zod's issue
 * code (worker/http/validate.ts); here each becomes a sentence in the workspace's language, by field
 * and code ("Enter an email address", never "email: Invalid email address"), shown under its field.
 */
import type { InputProblem } from "../../../schema/field-issues";
import { messageFor, t, type MessageKey } from "./i18n";

/** The problems of an invalid_input refusal, or none. */
export function inputProblems(err: unknown): InputProblem[] {
  const { code, details } = (err ?? {}) as { code?: unknown; details?: unknown };
  if (code !== "invalid_input" || !Array.isArray(details)) return [];
  return details.filter((p): p is InputProblem => typeof p === "object" && p !== null && typeof (p as InputProblem).path === "string");
}

/** One problem as a sentence, by field and code. */
export function problemSentence(p: InputProblem): string {
  const leaf = p.path.split(".").pop() ?? "";
  const vars = { minimum: p.minimum ?? "", maximum: p.maximum ?? "" };
  const either = (specific: string, general: MessageKey) => messageFor(specific, vars) ?? t(general, vars);
  const number = p.origin === "number" || p.origin === "int";
  switch (p.code) {
    case "required":
      return either(`field_${leaf}_required`, "field_required");
    case "too_small":
      if (number) return t("field_number_small", vars);
      if ((p.minimum ?? 0) <= 1) return either(`field_${leaf}_empty`, "field_empty");
      return either(`field_${leaf}_too_short`, "field_too_short");
    case "too_big":
      return t(number ? "field_number_big" : "field_too_long", vars);
    case "invalid_format":
    case "invalid_union":
      if (p.format === "email") return t("field_email");
      if (p.format === "url") return t("field_url");
      if (p.format === "date" || p.format === "datetime") return t("field_date");
      return t("field_format");
    case "invalid_value":
      return t("field_choice");
    default:
      return t("field_invalid");
  }
}

/** Anything with a field's error slot (lib/dom.ts `field`). */
export interface FieldSlot {
  setError(message: string | null): void;
  control: { focus(): void };
}

/**
 * Show each problem of `err` under its field (`fields` by the API's field name). Returns the sentence for
 * the form as a whole: null when every problem found its field, else the first one's sentence; for any
 * other error, the translated refusal.
 */
export function showFieldErrors(err: unknown, fields: Record<string, FieldSlot | undefined>, fallback: (err: unknown) => string): string | null {
  const problems = inputProblems(err);
  if (problems.length === 0) return fallback(err);
  let unplaced: string | null = null;
  let first: FieldSlot | null = null;
  for (const p of problems) {
    const slot = fields[p.path];
    if (slot) {
      slot.setError(problemSentence(p));
      first ??= slot;
    } else unplaced ??= problemSentence(p);
  }
  first?.control.focus();
  return unplaced;
}
