/** The rule the server applies to a new password, checked before sending so the person hears it at once. Pure. */

/** The fewest characters (code points) a password may have; the server's acceptInviteInput says the same. */
export const minPasswordLength = 12;

/** What is wrong with a new password and its repetition, or null when it will do. */
export function passwordProblem(password: string, repeated: string): "tooShort" | "mismatch" | null {
  if (Array.from(password).length < minPasswordLength) return "tooShort";
  if (password !== repeated) return "mismatch";
  return null;
}
