import { afterAll, describe, expect, it } from "vitest";
import { refusalCodes } from "../../../schema/refusal-codes";
import { problemSentence } from "../../../web/src/lib/field-errors";
import { setUiLanguage } from "../../../web/src/lib/i18n";
import { refusalsEn } from "../../../web/src/lib/messages/refusals/en";
import { refusalsKk } from "../../../web/src/lib/messages/refusals/kk";
import { refusalsRu } from "../../../web/src/lib/messages/refusals/ru";

const languages = { en: refusalsEn, ru: refusalsRu, kk: refusalsKk } as Record<string, Record<string, string>>;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterAll(() => setUiLanguage("en"));

describe("refusal strings", () => {
  it("every refusal code has a sentence in English, Russian and Kazakh, naming the same values", () => {
    for (const code of refusalCodes) {
      const en = languages.en[`refusal_${code}`];
      expect(en, `en refusal_${code}`).toMatch(/\S/);
      for (const lang of ["ru", "kk"]) {
        const text = languages[lang][`refusal_${code}`];
        expect(text, `${lang} refusal_${code}`).toMatch(/\p{Script=Cyrillic}/u);
        expect(placeholders(text), `${lang} refusal_${code}`).toEqual(placeholders(en));
      }
    }
  });

  it("has no string for a code that no longer exists", () => {
    const known = new Set(refusalCodes.map((c) => `refusal_${c}`));
    for (const strings of Object.values(languages)) {
      expect(Object.keys(strings).filter((k) => k.startsWith("refusal_") && !known.has(k))).toEqual([]);
    }
  });
});

describe("field problems as sentences", () => {
  it("say what to enter, in the workspace's language, without the field's code name", async () => {
    await setUiLanguage("en");
    expect(problemSentence({ path: "email", message: "Invalid email address", code: "invalid_format", format: "email" })).toBe("Enter an email address, like name@example.org.");
    expect(problemSentence({ path: "email", message: "x", code: "required" })).toBe("Enter an email address.");
    expect(problemSentence({ path: "password", message: "x", code: "too_small", origin: "string", minimum: 12 })).toBe("Use at least 12 characters for the password.");
    expect(problemSentence({ path: "name", message: "x", code: "too_small", origin: "string", minimum: 1 })).toBe("Enter a name.");
    expect(problemSentence({ path: "publishedAt", message: "Invalid input", code: "invalid_union", format: "date" })).toBe("Enter a date as YYYY-MM-DD.");
    expect(problemSentence({ path: "expiresInDays", message: "x", code: "too_big", origin: "number", maximum: 365 })).toBe("Enter a number of at most 365.");
    await setUiLanguage("ru");
    expect(problemSentence({ path: "email", message: "Invalid email address", code: "invalid_format", format: "email" })).toBe("Введите адрес электронной почты, например name@example.org.");
    await setUiLanguage("kk");
    expect(problemSentence({ path: "sourceUrl", message: "Invalid URL", code: "invalid_format", format: "url" })).toBe("https:// немесе http:// деп басталатын веб-мекенжай енгізіңіз.");
  });
});
