import { describe, expect, it } from "vitest";
import { uiLanguageOf } from "../../../schema/enums";
import { message } from "../../../web/src/public/strings";

describe("uiLanguageOf", () => {
  it("takes the primary subtag of a page's lang, in any case", () => {
    expect(uiLanguageOf("ru-KZ")).toBe("ru");
    expect(uiLanguageOf("KK")).toBe("kk");
    expect(uiLanguageOf("en")).toBe("en");
  });

  it("returns null for languages the public UI does not have, and for no language", () => {
    expect(uiLanguageOf("de")).toBeNull();
    expect(uiLanguageOf("")).toBeNull();
    expect(uiLanguageOf(null)).toBeNull();
  });
});

describe("message", () => {
  it("fills placeholders in each language", () => {
    expect(message("en", "position", { n: 2, total: 4 })).toBe("Fact-check 2 of 4");
    expect(message("ru", "position", { n: 2, total: 4 })).toBe("Проверка 2 из 4");
    expect(message("kk", "position", { n: 2, total: 4 })).toContain("2 / 4");
  });
});
