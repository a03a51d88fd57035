import { describe, expect, it } from "vitest";
import { draftFromClaim, isSourceUrl, payloadFromDraft } from "../../../web/src/lib/claim-payload";
import type { ClaimDraft } from "../../../web/src/lib/claim-merge";
import { missingTranslations } from "../../../web/src/lib/i18n";

const blank = { url: "", title: "", publisher: "", publishedAt: "", quote: "" };

describe("payloadFromDraft", () => {
  it("sends a new claimant by name and kind, and an existing one by id", () => {
    const draft: ClaimDraft = { claimant: { id: null, name: " Party ", kind: "organization" }, ratingKey: "false", explanation: null, sources: [] };
    expect(payloadFromDraft(draft).payload.claimant).toEqual({ name: "Party", kind: "organization", description: null });
    expect(payloadFromDraft({ ...draft, claimant: { id: 4, name: "Party" } }).payload.claimant).toEqual({ id: 4 });
  });

  it("leaves out a source whose URL is still empty, and turns empty fields into null", () => {
    const draft: ClaimDraft = { claimant: null, ratingKey: null, explanation: null, sources: [blank, { ...blank, url: "https://stat.example/x", title: "Stats" }] };
    const { payload, problems } = payloadFromDraft(draft);
    expect(problems).toEqual([]);
    expect(payload.sources).toEqual([{ url: "https://stat.example/x", title: "Stats", publisher: null, publishedAt: null, quote: null, accessedAt: null, archivedUrl: null }]);
  });

  it("reports a source URL that is not http(s) instead of sending it", () => {
    const draft: ClaimDraft = { claimant: null, ratingKey: null, explanation: null, sources: [{ ...blank, url: "javascript:alert(1)" }] };
    const { payload, problems } = payloadFromDraft(draft);
    expect(problems).toEqual([{ sourceIndex: 0, field: "url" }]);
    expect(payload.sources).toEqual([]);
  });

  it("sends an explanation with no text as null", () => {
    const draft: ClaimDraft = { claimant: null, ratingKey: null, explanation: { type: "doc", content: [{ type: "paragraph" }] }, sources: [] };
    expect(payloadFromDraft(draft).payload.explanation).toBeNull();
  });
});

describe("draftFromClaim", () => {
  it("keeps accessedAt and archivedUrl so that a save does not drop them", () => {
    const draft = draftFromClaim({
      claimant: { id: 2, name: "Akimat", kind: "organization" },
      ratingKey: "true",
      explanation: null,
      sources: [{ url: "https://a.example/", title: null, publisher: null, publishedAt: null, quote: null, accessedAt: "2024-01-02", archivedUrl: "https://archive.example/a" }],
    });
    expect(payloadFromDraft(draft).payload.sources[0]).toMatchObject({ accessedAt: "2024-01-02", archivedUrl: "https://archive.example/a" });
  });
});

describe("isSourceUrl", () => {
  it("accepts http and https addresses with a domain only", () => {
    expect(isSourceUrl("https://example.org/a")).toBe(true);
    expect(isSourceUrl("http://example.org")).toBe(true);
    expect(isSourceUrl("ftp://example.org")).toBe(false);
    expect(isSourceUrl("https://localhost")).toBe(false);
    expect(isSourceUrl("not a url")).toBe(false);
  });
});

describe("i18n", () => {
  it("translates every UI string into ru and kk", async () => {
    expect(await missingTranslations()).toEqual([]);
  });
});
