import { describe, expect, it } from "vitest";
import { minPasswordLength, passwordProblem } from "../../../web/src/lib/password";

describe("passwordProblem", () => {
  it("accepts a password of 12 characters repeated exactly", () => {
    expect(passwordProblem("correct-horse", "correct-horse")).toBeNull();
    expect(minPasswordLength).toBe(12);
  });

  it("refuses fewer than 12 characters before comparing the repetition", () => {
    expect(passwordProblem("short", "other")).toBe("tooShort");
    expect(passwordProblem("elevenchars", "elevenchars")).toBe("tooShort");
  });

  it("counts characters, not UTF-16 units, as the server does", () => {
    // six emoji are twelve UTF-16 units but six characters
    expect(passwordProblem("🔑".repeat(6), "🔑".repeat(6))).toBe("tooShort");
    expect(passwordProblem("пароль-длинный", "пароль-длинный")).toBeNull();
  });

  it("refuses a repetition that differs", () => {
    expect(passwordProblem("correct-horse-battery", "correct-horse-batterY")).toBe("mismatch");
  });
});
