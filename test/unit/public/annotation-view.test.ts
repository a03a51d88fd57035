import { describe, expect, it } from "vitest";
import { claimView, claimViews, safeHttpUrl } from "../../../web/src/public/annotation-view";
import type { PublicArticle, PublicClaim, SiteConfig } from "../../../worker/domain/public-view";
import { toAnnotationCollection } from "../../../worker/domain/web-annotation";

const site: SiteConfig = { baseUrl: "https://factline.example", publisherName: "Factline", publisherUrl: "https://factline.example/about" };
const article: PublicArticle = { id: 1, slug: "buses", title: "Buses", language: "en", sourceUrl: "https://www.example.org/", publisher: "Example", publishedAt: "2024-01-15" };
const explanation = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

function claim(id: number, overrides: Partial<PublicClaim> = {}): PublicClaim {
  return {
    id,
    articleId: 1,
    state: "published",
    exact: "240 new electric buses",
    prefix: "announced on Monday that ",
    suffix: " will be on the streets",
    start: 43,
    end: 65,
    ratingKey: "half-true",
    explanation: explanation("Only 120 arrive before April."),
    claimant: null,
    sources: [],
    publishedAt: "2026-01-02T10:00:00.000Z",
    updatedAt: "2026-01-02T10:00:00.000Z",
    publicNote: null,
    ...overrides,
  };
}

describe("claimViews", () => {
  it("reads what the public API publishes: quote with context, localised verdict, tone, explanation and permalink", () => {
    const [view] = claimViews(toAnnotationCollection([claim(12)], article, site, "ru"));
    expect(view).toEqual({
      id: "12",
      selector: { exact: "240 new electric buses", prefix: "announced on Monday that ", suffix: " will be on the streets" },
      label: "Полуправда",
      tone: "mixed",
      state: "published",
      comments: ["Only 120 arrive before April."],
      permalink: "https://factline.example/claims/12",
      sources: [],
    });
  });

  it("shows a correction with its verdict and the public note after the explanation", () => {
    const [view] = claimViews(toAnnotationCollection([claim(3, { state: "corrected", ratingKey: "false", publicNote: "The date was wrong." })], article, site));
    expect(view.state).toBe("corrected");
    expect(view.label).toBe("False");
    expect(view.tone).toBe("false");
    expect(view.comments).toEqual(["Only 120 arrive before April.", "The date was wrong."]);
  });

  it("shows a retraction without a verdict, in the neutral tone, with its reason", () => {
    const [view] = claimViews(toAnnotationCollection([claim(4, { state: "retracted", ratingKey: "false", publicNote: "Wrong article." })], article, site));
    expect(view).toMatchObject({ state: "retracted", label: null, tone: "neutral", comments: ["Wrong article."] });
  });

  it("keeps every claim of the collection, in order", () => {
    const views = claimViews(toAnnotationCollection([claim(1), claim(2, { exact: "18 routes", ratingKey: "true" })], article, site));
    expect(views.map((v) => [v.id, v.selector.exact, v.tone])).toEqual([
      ["1", "240 new electric buses", "mixed"],
      ["2", "18 routes", "true"],
    ]);
  });

  it("returns nothing for an error body, an empty collection or something that is not a collection", () => {
    expect(claimViews({ error: { code: "not_found", message: "no" } })).toEqual([]);
    expect(claimViews(toAnnotationCollection([], article, site))).toEqual([]);
    expect(claimViews(null)).toEqual([]);
    expect(claimViews("AnnotationCollection")).toEqual([]);
  });
});

describe("claimView", () => {
  const annotation = (extra: Record<string, unknown>) => ({
    id: "https://factline.example/claims/9#annotation",
    type: "Annotation",
    body: [{ type: "TextualBody", purpose: "assessing", value: "True" }],
    target: { source: "https://www.example.org/", selector: [{ type: "TextQuoteSelector", exact: "18 routes" }] },
    ...extra,
  });

  it("skips an annotation without a quote to anchor", () => {
    expect(claimView(annotation({ target: { source: "https://www.example.org/", selector: [{ type: "TextPositionSelector", start: 1, end: 4 }] } }))).toBeNull();
    expect(claimView(annotation({ target: { selector: { type: "TextQuoteSelector", exact: "  " } } }))).toBeNull();
    expect(claimView(42)).toBeNull();
  });

  it("never passes on a permalink or source link that is not http(s)", () => {
    const view = claimView(
      annotation({
        id: "javascript:alert(1)#annotation",
        body: [
          { type: "TextualBody", purpose: "assessing", value: "True" },
          { id: "javascript:alert(2)", purpose: "linking" },
          { id: "https://stat.example/report", purpose: "linking", title: "Report" },
          { id: "https://stat.example/untitled", purpose: "linking" },
        ],
      }),
    );
    expect(view?.permalink).toBeNull();
    expect(view?.sources).toEqual([
      { url: "https://stat.example/report", title: "Report" },
      { url: "https://stat.example/untitled", title: "https://stat.example/untitled" },
    ]);
  });

  it("reads a rating it does not know as neutral, keeping the label it was sent", () => {
    const view = claimView(annotation({ body: [{ type: "TextualBody", purpose: "assessing", value: "Pants on fire" }, { type: "TextualBody", purpose: "tagging", value: "pants-on-fire" }] }));
    expect(view).toMatchObject({ label: "Pants on fire", tone: "neutral", state: "published" });
  });
});

describe("safeHttpUrl", () => {
  it("accepts absolute http and https URLs only", () => {
    expect(safeHttpUrl("https://a.example/x?y=1")).toBe("https://a.example/x?y=1");
    expect(safeHttpUrl("http://a.example")).toBe("http://a.example/");
    expect(safeHttpUrl("javascript:alert(1)")).toBeNull();
    expect(safeHttpUrl("data:text/html,hi")).toBeNull();
    expect(safeHttpUrl("/claims/1")).toBeNull();
    expect(safeHttpUrl(7)).toBeNull();
  });
});
