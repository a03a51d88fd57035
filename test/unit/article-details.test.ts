import { describe, expect, it } from "vitest";
import { detectArticleDetails, parseBylineLine } from "../../worker/domain/article-parse";

describe("detected article details (the import form's prefill)", () => {
  it("reads a byline in English, Russian and Kazakh, and nothing else as one", () => {
    expect(parseBylineLine("By Jane Doe")).toBe("Jane Doe");
    expect(parseBylineLine("Автор: Иван Петров")).toBe("Иван Петров");
    expect(parseBylineLine("Авторлар: Айгүл Серікқызы")).toBe("Айгүл Серікқызы");
    expect(parseBylineLine("by the river, 12 bridges were repaired.")).toBeNull();
    expect(parseBylineLine("The mayor said so")).toBeNull();
  });

  it("gives what the import detects: the date line, the source line and a byline near the top", () => {
    const text = "A title\n2 March 2024\nBy Jane Doe\nThe body says 12 bridges.\nSource: https://example.org/news/1";
    expect(detectArticleDetails(text)).toEqual({ publisher: "example.org", sourceUrl: "https://example.org/news/1", publishedAt: "2024-03-02", author: "Jane Doe" });
    expect(detectArticleDetails("Only a body, with no details at all.")).toEqual({ publisher: null, sourceUrl: null, publishedAt: null, author: null });
  });
});
