import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { ratingBounds, ratingLabel, ratingScale } from "../../schema/rating-scale";
import {
  articlePageUrl,
  claimPermalink,
  claimReviewJsonLd,
  labelLanguage,
  scriptSafeJson,
  toClaimReview,
  toClaimReviews,
  utcDateTime,
} from "../../worker/domain/claimreview";
import type { PublicArticle, PublicClaim, SiteConfig } from "../../worker/domain/public-view";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const standards = resolve(repoRoot, process.env.FACTLINE_STANDARDS ?? "../shared/standards");
const vocabularyFile = join(standards, "schemaorg", "schemaorg-current-https.jsonld");

// ---- fixtures -------------------------------------------------------------------------------------

const site: SiteConfig = { baseUrl: "https://factline.example", publisherName: "Factline", publisherUrl: "https://factline.example/about" };

const article: PublicArticle = {
  id: 3,
  slug: "students-abroad",
  title: "60,000 students go abroad",
  language: "en",
  sourceUrl: "https://news.example/kz/students",
  publisher: "News Example",
  publishedAt: "2021-01-05",
};

const claim: PublicClaim = {
  id: 12,
  articleId: 3,
  state: "published",
  exact: "60,000 students who graduate from Kazakhstan's schools go abroad every year",
  prefix: "The minister said ",
  suffix: ".",
  start: 18,
  end: 94,
  ratingKey: "false",
  explanation: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The ministry's own figure is 12,000." }] }] },
  claimant: { id: 1, name: "Aset Minister", kind: "person" },
  sources: [
    { url: "https://stat.example/report", title: "Outbound students 2020", publisher: "Statistics Bureau", publishedAt: "2020-12-01", quote: null },
    { url: "https://ministry.example/pr", title: null, publisher: null, publishedAt: null, quote: "12,000" },
  ],
  publishedAt: "2024-03-01T10:00:00.000Z",
  updatedAt: "2024-03-02T11:30:00.000Z",
  publicNote: null,
};

function review(c: PublicClaim = claim, a: PublicArticle = article, lang?: Parameters<typeof toClaimReview>[3]) {
  const r = toClaimReview(c, a, site, lang);
  if (!r) throw new Error("expected a ClaimReview");
  // Plain JSON, as a consumer sees it after parsing the page.
  return JSON.parse(JSON.stringify(r)) as Record<string, any>;
}

// ---- the schema.org vocabulary ------------------------------------------------------------------------

interface VocabNode {
  "@id": string;
  "@type": string | string[];
  "rdfs:subClassOf"?: { "@id": string } | { "@id": string }[];
  "schema:domainIncludes"?: { "@id": string } | { "@id": string }[];
  "schema:rangeIncludes"?: { "@id": string } | { "@id": string }[];
  "schema:supersededBy"?: unknown;
}

const ids = (v: VocabNode["rdfs:subClassOf"]): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => x["@id"]));
const types = (n: VocabNode): string[] => (Array.isArray(n["@type"]) ? n["@type"] : [n["@type"]]);

/** schema.org as published: which classes exist, their supertypes, and each property's domains and ranges. */
class Vocabulary {
  private readonly byId: Map<string, VocabNode>;
  constructor(graph: VocabNode[]) {
    this.byId = new Map(graph.map((n) => [n["@id"], n]));
  }
  isClass(name: string): boolean {
    const n = this.byId.get(`schema:${name}`);
    return !!n && types(n).includes("rdfs:Class");
  }
  /** The class and all its supertypes, as schema:Name ids. */
  lineage(name: string): Set<string> {
    const out = new Set<string>();
    const visit = (id: string) => {
      if (out.has(id)) return;
      out.add(id);
      for (const up of ids(this.byId.get(id)?.["rdfs:subClassOf"])) visit(up);
    };
    visit(`schema:${name}`);
    return out;
  }
  property(name: string): VocabNode | undefined {
    const n = this.byId.get(`schema:${name}`);
    return n && types(n).includes("rdf:Property") ? n : undefined;
  }
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a JSON string fits one of a property's data-type ranges. */
function stringFits(value: string, ranges: string[]): boolean {
  return ranges.some((r) => {
    switch (r) {
      case "schema:Text":
        return true;
      case "schema:URL":
        return URL.canParse(value);
      case "schema:Date":
        return isoDate.test(value);
      case "schema:DateTime":
        return isoDateTime.test(value);
      default:
        return false;
    }
  });
}

/**
 * Every way a JSON-LD node breaks schema.org: unknown types, properties that do not exist or whose
 * domain does not include the node's type (or a supertype), superseded properties, and values outside
 * the property's range.
 */
function vocabularyProblems(vocab: Vocabulary, node: Record<string, unknown>, path = "$"): string[] {
  const type = node["@type"];
  if (typeof type !== "string" || !vocab.isClass(type)) return [`${path}: unknown @type ${String(type)}`];
  const lineage = vocab.lineage(type);
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(node)) {
    if (key.startsWith("@")) continue;
    const at = `${path}.${key}`;
    const prop = vocab.property(key);
    if (!prop) {
      problems.push(`${at}: not a schema.org property`);
      continue;
    }
    if (!ids(prop["schema:domainIncludes"]).some((d) => lineage.has(d))) problems.push(`${at}: domain does not include ${type}`);
    if (prop["schema:supersededBy"]) problems.push(`${at}: superseded`);
    const ranges = ids(prop["schema:rangeIncludes"]);
    for (const [i, value] of (Array.isArray(raw) ? raw : [raw]).entries()) {
      const vat = Array.isArray(raw) ? `${at}[${i}]` : at;
      if (typeof value === "string") {
        if (!stringFits(value, ranges)) problems.push(`${vat}: "${value}" is not one of ${ranges.join(", ")}`);
      } else if (typeof value === "number") {
        if (!ranges.some((r) => ["schema:Number", "schema:Integer", "schema:Float"].includes(r))) problems.push(`${vat}: a number is not one of ${ranges.join(", ")}`);
      } else if (typeof value === "object" && value !== null) {
        const inner = value as Record<string, unknown>;
        const innerType = String(inner["@type"]);
        if (!ranges.some((r) => vocab.lineage(innerType).has(r))) problems.push(`${vat}: ${innerType} is not one of ${ranges.join(", ")}`);
        problems.push(...vocabularyProblems(vocab, inner, vat));
      } else {
        problems.push(`${vat}: unexpected ${typeof value}`);
      }
    }
  }
  return problems;
}

/** Every @type used anywhere in a JSON-LD tree. */
function typesIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => typesIn(v, out));
  else if (typeof value === "object" && value !== null) {
    const t = (value as Record<string, unknown>)["@type"];
    if (typeof t === "string") out.add(t);
    Object.values(value).forEach((v) => typesIn(v, out));
  }
  return out;
}

describe("claimreview", () => {
  describe("against the schema.org vocabulary", () => {
    let vocab: Vocabulary;

    // A missing vocabulary fails these tests loudly: a conformance check that skips itself proves nothing.
    beforeAll(() => {
      if (!existsSync(vocabularyFile)) throw new Error(`schema.org vocabulary not found at ${vocabularyFile}; set FACTLINE_STANDARDS to the standards folder`);
      vocab = new Vocabulary((JSON.parse(readFileSync(vocabularyFile, "utf8")) as { "@graph": VocabNode[] })["@graph"]);
    });

    const variants: [string, PublicClaim, PublicArticle][] = [
      ["a rated claim by a person", claim, article],
      ["an unrated claim", { ...claim, ratingKey: "unverifiable" }, article],
      ["a claim by an organisation", { ...claim, claimant: { id: 2, name: "Ministry of Education", kind: "organization" } }, article],
      ["a claim with no claimant, explanation or sources", { ...claim, claimant: null, explanation: null, sources: [] }, article],
      ["a corrected claim", { ...claim, state: "corrected", publicNote: "The figure was updated." }, article],
      ["a claim in an article with no URL, publisher or date", claim, { ...article, sourceUrl: null, publisher: null, publishedAt: null }],
      ["the same claim in two articles", { ...claim, otherAppearances: [{ ...article, id: 4, slug: "vypuskniki", title: "Выпускники уезжают", language: "ru", sourceUrl: "https://ru.example/v" }] }, article],
    ];

    it.each(variants)("uses only real properties within their domains and ranges: %s", (_name, c, a) => {
      expect(vocabularyProblems(vocab, review(c, a))).toEqual([]);
    });

    it("lists every appearance of a claim linked as the same claim, the article's own first", () => {
      const r = review(variants[6][1]) as unknown as { itemReviewed: { appearance: { url: string; inLanguage: string }[] } };
      expect(r.itemReviewed.appearance.map((a) => [a.url, a.inLanguage])).toEqual([["https://news.example/kz/students", "en"], ["https://ru.example/v", "ru"]]);
    });

    it("checks every type the brief names", () => {
      const seen = new Set<string>();
      for (const [, c, a] of variants) typesIn(review(c, a), seen);
      expect([...seen].sort()).toEqual(["Claim", "ClaimReview", "CreativeWork", "Organization", "Person", "Rating"]);
    });

    it("catches a property outside its domain, a made-up property and a wrong range, so a pass means something", () => {
      const r = review();
      expect(vocabularyProblems(vocab, { ...r, ratingValue: 3 })).toEqual(["$.ratingValue: domain does not include ClaimReview"]);
      expect(vocabularyProblems(vocab, { ...r, verdict: "false" })).toEqual(["$.verdict: not a schema.org property"]);
      expect(vocabularyProblems(vocab, { ...r, author: { "@type": "Rating", alternateName: "x" } })).toEqual([
        "$.author: Rating is not one of schema:Organization, schema:Person",
      ]);
      expect(vocabularyProblems(vocab, { ...r, datePublished: "March 1st" })).toHaveLength(1);
      expect(vocabularyProblems(vocab, { ...r, itemReviewed: { ...r.itemReviewed, firstAppearence: {} } })).toHaveLength(1);
    });

    it("has the fields a ClaimReview needs, with the right types", () => {
      const r = review();
      expect(r["@context"]).toBe("https://schema.org");
      expect(r["@type"]).toBe("ClaimReview");
      expect(r.claimReviewed).toBe(claim.exact);
      expect(r.url).toBe("https://factline.example/claims/12");
      expect(r.author).toEqual({ "@type": "Organization", name: "Factline", url: "https://factline.example/about" });
      expect(r.datePublished).toBe("2024-03-01T10:00:00.000Z");
      expect(r.dateModified).toBe("2024-03-02T11:30:00.000Z");
      expect(r.reviewRating["@type"]).toBe("Rating");
      expect(typeof r.reviewRating.alternateName).toBe("string");
      expect(r.itemReviewed["@type"]).toBe("Claim");
    });
  });

  describe("toClaimReview", () => {
    it("rates on the numeric scale with its bounds and the localised label", () => {
      expect(review().reviewRating).toEqual({ "@type": "Rating", ratingValue: 1, bestRating: 6, worstRating: 1, alternateName: "False" });
      expect(review(claim, article, "ru").reviewRating.alternateName).toBe("Ложь");
    });

    it("gives every rated key of the scale a value within the bounds", () => {
      for (const rating of ratingScale.filter((r) => r.value !== null)) {
        const r = review({ ...claim, ratingKey: rating.key }).reviewRating;
        expect(r.ratingValue).toBe(rating.value);
        expect(r.ratingValue).toBeGreaterThanOrEqual(ratingBounds.worst);
        expect(r.ratingValue).toBeLessThanOrEqual(ratingBounds.best);
        expect(r.alternateName).toBe(ratingLabel(rating.key, "en"));
      }
    });

    it("gives an unverifiable claim a textual rating only, with no number and no scale", () => {
      expect(review({ ...claim, ratingKey: "unverifiable" }).reviewRating).toEqual({ "@type": "Rating", alternateName: "Unverifiable" });
      expect(review({ ...claim, ratingKey: "unverifiable" }, article, "kk").reviewRating).toEqual({ "@type": "Rating", alternateName: "Тексеру мүмкін емес" });
    });

    it("labels in the article's language by default, and in English when the scale has no labels in it", () => {
      expect(review(claim, { ...article, language: "ru-KZ" }).reviewRating.alternateName).toBe("Ложь");
      expect(review(claim, { ...article, language: "de" }).reviewRating.alternateName).toBe("False");
      expect(labelLanguage({ language: "KK" })).toBe("kk");
    });

    it("names the claimant as a Person or an Organization by kind, and leaves the author out when unknown", () => {
      expect(review().itemReviewed.author).toEqual({ "@type": "Person", name: "Aset Minister" });
      const org = review({ ...claim, claimant: { id: 2, name: "Ministry of Education", kind: "organization" } });
      expect(org.itemReviewed.author).toEqual({ "@type": "Organization", name: "Ministry of Education" });
      expect(review({ ...claim, claimant: null }).itemReviewed).not.toHaveProperty("author");
    });

    it("points the claim's appearance at the original article, dated by the article", () => {
      expect(review().itemReviewed).toEqual({
        "@type": "Claim",
        author: { "@type": "Person", name: "Aset Minister" },
        datePublished: "2021-01-05",
        appearance: {
          "@type": "CreativeWork",
          url: "https://news.example/kz/students",
          headline: "60,000 students go abroad",
          inLanguage: "en",
          publisher: { "@type": "Organization", name: "News Example" },
          datePublished: "2021-01-05",
        },
      });
    });

    it("describes the appearance by headline only when the article's URL and date are unknown", () => {
      const item = review(claim, { ...article, sourceUrl: null, publisher: null, publishedAt: null }).itemReviewed;
      expect(item.appearance).toEqual({ "@type": "CreativeWork", headline: "60,000 students go abroad", inLanguage: "en" });
      expect(item).not.toHaveProperty("datePublished");
    });

    it("never claims a first appearance it does not know", () => {
      expect(review().itemReviewed).not.toHaveProperty("firstAppearance");
    });

    it("includes the explanation as plain text and the sources as citations", () => {
      const r = review();
      expect(r.reviewBody).toBe("The ministry's own figure is 12,000.");
      expect(r.citation).toEqual([
        {
          "@type": "CreativeWork",
          url: "https://stat.example/report",
          name: "Outbound students 2020",
          publisher: { "@type": "Organization", name: "Statistics Bureau" },
          datePublished: "2020-12-01",
        },
        { "@type": "CreativeWork", url: "https://ministry.example/pr" },
      ]);
      const bare = review({ ...claim, explanation: { type: "image" }, sources: [] });
      expect(bare).not.toHaveProperty("reviewBody");
      expect(bare).not.toHaveProperty("citation");
    });

    it("keeps a corrected verdict with its public note as the correction", () => {
      const r = review({ ...claim, state: "corrected", ratingKey: "mostly-false", publicNote: "The figure was updated." });
      expect(r.correction).toBe("The figure was updated.");
      expect(r.reviewRating.alternateName).toBe("Mostly false");
      expect(review()).not.toHaveProperty("correction");
    });

    it("publishes no ClaimReview for a retracted verdict, so aggregators stop showing it", () => {
      expect(toClaimReview({ ...claim, state: "retracted", publicNote: "Misattributed." }, article, site)).toBeNull();
    });

    it("publishes no ClaimReview for a claim without a quote", () => {
      expect(toClaimReview({ ...claim, exact: "" }, article, site)).toBeNull();
    });

    it("joins the site address without doubling slashes", () => {
      const r = toClaimReview(claim, article, { ...site, baseUrl: "https://factline.example///" })!;
      expect(r.url).toBe("https://factline.example/claims/12");
      expect(claimPermalink(site, { id: 5 })).toBe("https://factline.example/claims/5");
      expect(articlePageUrl(site, { slug: "a b/c" })).toBe("https://factline.example/articles/a%20b%2Fc");
    });
  });

  describe("toClaimReviews", () => {
    it("maps an article's public claims, leaving the retracted ones out", () => {
      const reviews = toClaimReviews([claim, { ...claim, id: 13, state: "retracted" }, { ...claim, id: 14, ratingKey: "true" }], article, site);
      expect(reviews.map((r) => r.url)).toEqual(["https://factline.example/claims/12", "https://factline.example/claims/14"]);
    });
  });

  describe("claimReviewJsonLd", () => {
    const hostile: PublicClaim = {
      ...claim,
      exact: `He said "</script><script>alert(1)</script>" & <!-- then \u2028 and \u2029 </SCRIPT >`,
      claimant: { id: 9, name: "</script><img src=x onerror=alert(1)>", kind: "person" },
    };

    it("cannot close its script element or open a comment, whatever the claim says", () => {
      const json = claimReviewJsonLd(toClaimReview(hostile, article, site)!)!;
      expect(json).not.toMatch(/[<>&\u2028\u2029]/);
      expect(json.toLowerCase()).not.toContain("</script");
      expect(json).toContain("\\u003c/script\\u003e");
    });

    it("parses back to exactly the ClaimReview", () => {
      const r = toClaimReview(hostile, article, site)!;
      expect(JSON.parse(claimReviewJsonLd(r)!)).toEqual(JSON.parse(JSON.stringify(r)));
      expect(JSON.parse(claimReviewJsonLd(r)!).claimReviewed).toBe(hostile.exact);
    });

    it("embeds one review as an object, several as an array, and none as nothing", () => {
      const reviews = toClaimReviews([claim, { ...claim, id: 14 }], article, site);
      expect(JSON.parse(claimReviewJsonLd(reviews[0])!)["@type"]).toBe("ClaimReview");
      expect(JSON.parse(claimReviewJsonLd(reviews)!)).toHaveLength(2);
      expect(claimReviewJsonLd([])).toBeNull();
    });
  });

  describe("scriptSafeJson", () => {
    it("escapes only inside strings, so any JSON value survives the round trip", () => {
      const values = [null, 0, -1.5, true, "a<b>&c", ["</script>", { "k<": "\u2028" }], { nested: { s: "<!--" } }, "😀\ud800"];
      for (const v of values) {
        const s = scriptSafeJson(v);
        expect(s).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(s)).toEqual(v);
      }
      expect(scriptSafeJson(undefined)).toBe("null");
    });
  });

  describe("utcDateTime", () => {
    it("normalises stored timestamps to UTC ending in Z", () => {
      expect(utcDateTime("2024-03-01T10:00:00.000Z")).toBe("2024-03-01T10:00:00.000Z");
      expect(utcDateTime("2024-03-01 10:00:00")).toBe("2024-03-01T10:00:00.000Z");
      expect(utcDateTime("2024-03-01T10:00")).toBe("2024-03-01T10:00:00.000Z");
      expect(utcDateTime("2024-03-01T10:00:00+05:00")).toBe("2024-03-01T05:00:00.000Z");
      expect(utcDateTime("2024-03-01T10:00:00-0130")).toBe("2024-03-01T11:30:00.000Z");
      expect(utcDateTime("2021-01-05")).toBe("2021-01-05T00:00:00.000Z");
    });

    it("returns null for anything that is not a timestamp", () => {
      for (const v of [null, undefined, "", "yesterday", "2024-13-40T00:00:00Z", "2024-03-01T25:00:00Z", "1709287200000"]) expect(utcDateTime(v)).toBeNull();
    });
  });
});
