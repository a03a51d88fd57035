import Ajv from "ajv-draft-04";
import fc from "fast-check";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { codePointIndex, codePointLength, codePointSlice } from "../../schema/text/code-points";
import type { PublicArticle, PublicClaim, SiteConfig } from "../../worker/domain/public-view";
import { describeRange } from "../../worker/domain/text-selector";
import {
  annotationContext,
  fromWebAnnotationSelectors,
  toAnnotationCollection,
  toWebAnnotation,
  toWebAnnotationSelectors,
  type TextPositionSelector,
  type TextQuoteSelector,
  type WebAnnotation,
} from "../../worker/domain/web-annotation";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const standards = resolve(repoRoot, process.env.FACTLINE_STANDARDS ?? "../shared/standards");
const w3c = join(standards, "w3c-annotation-tests");

// ---- fixtures -------------------------------------------------------------------------------------

const site: SiteConfig = { baseUrl: "https://factline.example/", publisherName: "Factline", publisherUrl: "https://factline.example/about" };

// Repeated phrases (so the quote alone is ambiguous), Cyrillic, and characters outside the BMP
// (so code points and UTF-16 units differ before the quotes).
const text = [
  "Election news 🗳️ from Astana. The minister said 60,000 students go abroad every year.",
  "Опрос 📊 показал: 60,000 students go abroad every year — so the minister said again, 𝔞𝔤𝔞𝔦𝔫.",
  "Nobody counted. 60,000 students go abroad every year, said nobody.",
].join("\n\n");

const article: PublicArticle = {
  id: 7,
  slug: "kz-students-abroad",
  title: "Students abroad",
  language: "en",
  sourceUrl: "https://news.example/kz/students",
  publisher: "News Example",
  publishedAt: "2021-01-05",
};

const explanation = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The ministry's own figure is 12,000." }] }] };

/** A public claim over the n-th occurrence of `quote` in the fixture text. */
function claimOn(quote: string, occurrence: number, overrides: Partial<PublicClaim> = {}): PublicClaim {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`fixture: no occurrence ${occurrence} of ${quote}`);
  const start = codePointIndex(text, at);
  const sel = describeRange(text, start, start + codePointLength(quote));
  return {
    id: 40 + occurrence,
    articleId: article.id,
    state: "published",
    ...sel,
    ratingKey: "false",
    explanation,
    claimant: { id: 1, name: "The minister", kind: "person" },
    sources: [],
    publishedAt: "2024-03-01T10:00:00.000Z",
    updatedAt: "2024-03-02T11:30:00.000Z",
    publicNote: null,
    ...overrides,
  };
}

const quote = "60,000 students go abroad every year";
const claims: PublicClaim[] = [
  claimOn(quote, 0),
  claimOn(quote, 1, { ratingKey: "unverifiable", claimant: null, explanation: null }),
  claimOn(quote, 2, { state: "corrected", ratingKey: "mostly-false", publicNote: "The figure was updated after the ministry replied." }),
  claimOn("Nobody counted.", 0, { id: 99, state: "retracted", publicNote: "The quote was misattributed." }),
];

function annotationOf(claim: PublicClaim, art: PublicArticle = article): WebAnnotation {
  const a = toWebAnnotation(claim, art, site);
  if (!a) throw new Error("expected an annotation");
  return a;
}

function selectorsOf(a: Pick<WebAnnotation, "target">) {
  const quoteSel = a.target.selector.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
  const positionSel = a.target.selector.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
  return { quoteSel, positionSel };
}

/** Code point offset of the one occurrence of exact whose surroundings agree with prefix and suffix, or null. */
function findQuote(haystack: string, sel: TextQuoteSelector): number | null {
  const hits: number[] = [];
  for (let i = haystack.indexOf(sel.exact); i >= 0; i = haystack.indexOf(sel.exact, i + 1)) {
    const before = haystack.slice(0, i);
    const after = haystack.slice(i + sel.exact.length);
    if (before.endsWith(sel.prefix ?? "") && after.startsWith(sel.suffix ?? "")) hits.push(codePointIndex(haystack, i));
  }
  return hits.length === 1 ? hits[0] : null;
}

// ---- the W3C test schemas ---------------------------------------------------------------------------

interface Manifest {
  assertions: string[];
}

type Validate = ((data: unknown) => boolean) & { errors?: unknown };

const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** ajv with the W3C definitions registered under their ids, and the two formats the schemas use. */
function w3cAjv() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  // Keywords of the W3C test harness that carry reporting metadata, not constraints.
  ajv.addVocabulary(["assertionType", "expectedResult", "onUnexpectedResult", "errorMessage"]);
  ajv.addFormat("uri", (s: string) => /^[a-z][a-z0-9+.-]*:\S*$/i.test(s) && URL.canParse(s));
  ajv.addFormat("date-time", (s: string) => rfc3339.test(s) && !Number.isNaN(Date.parse(s)));
  const defs = join(w3c, "definitions");
  for (const f of readdirSync(defs).filter((f) => f.endsWith(".json"))) ajv.addSchema(JSON.parse(readFileSync(join(defs, f), "utf8")));
  return ajv;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** Every assertion a W3C manifest lists, compiled, with what it expects. */
function assertionsOf(ajv: ReturnType<typeof w3cAjv>, manifest: string) {
  return readJson<Manifest>(join(w3c, manifest)).assertions.map((path) => {
    const schema = readJson<{ expectedResult: string; assertionType: string; errorMessage: string }>(join(w3c, path));
    return { path, schema, validate: ajv.compile(schema) as Validate };
  });
}

function failures(assertions: ReturnType<typeof assertionsOf>, data: unknown): string[] {
  return assertions
    .filter((a) => a.validate(data) !== (a.schema.expectedResult === "valid"))
    .map((a) => `${a.path}: ${a.schema.errorMessage} ${JSON.stringify(a.validate.errors)}`);
}

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFilesUnder(join(dir, e.name)) : e.name.endsWith(".json") ? [join(dir, e.name)] : [],
  );
}

describe("web-annotation", () => {
  describe("against the W3C test schemas", () => {
    let annotationMusts: ReturnType<typeof assertionsOf>;
    let collectionMusts: ReturnType<typeof assertionsOf>;
    let pageMusts: ReturnType<typeof assertionsOf>;

    // Missing schemas fail these tests loudly: a conformance check that skips itself proves nothing.
    beforeAll(() => {
      if (!existsSync(w3c)) throw new Error(`W3C annotation test schemas not found at ${w3c}; set FACTLINE_STANDARDS to the standards folder`);
      const ajv = w3cAjv();
      annotationMusts = assertionsOf(ajv, "annotations/annotationMusts.test");
      collectionMusts = assertionsOf(ajv, "collections/collectionMusts.test");
      // The page manifest checks "a single Annotation Page or an Annotation Collection with an embedded Page".
      pageMusts = assertionsOf(ajv, "collections/pages/pageMusts.test");
    });

    describe("the W3C MUST assertions", () => {
      it("are all listed in the manifests we iterate, so no schema file is skipped", () => {
        const listed = new Set(
          ["annotations/annotationMusts.test", "collections/collectionMusts.test", "collections/pages/pageMusts.test"].flatMap(
            (m) => readJson<Manifest>(join(w3c, m)).assertions,
          ),
        );
        const files = [...jsonFilesUnder(join(w3c, "annotations")), ...jsonFilesUnder(join(w3c, "collections"))].map((f) => relative(w3c, f));
        expect(files.length).toBeGreaterThan(70);
        expect(files.filter((f) => !listed.has(f))).toEqual([]);
        expect(annotationMusts.every((a) => a.schema.assertionType === "must")).toBe(true);
      });

      it("reject annotations that break them, so a pass means something", () => {
        const good = annotationOf(claims[0]);
        const broken: unknown[] = [
          { ...good, "@context": "https://schema.org" },
          { ...good, type: "Note" },
          { ...good, target: undefined },
          { ...good, created: "yesterday" },
          { ...good, modified: "2024-03-02" },
          { ...good, id: "not an iri" },
          { ...good, bodyValue: "False" },
          { ...good, target: { source: good.target.source, selector: [{ type: "TextPositionSelector", start: -1, end: 3 }] } },
          { ...good, target: { source: good.target.source, selector: [{ type: "TextQuoteSelector", prefix: "no exact" }] } },
        ];
        for (const b of broken) expect(failures(annotationMusts, b).length, JSON.stringify(b).slice(0, 200)).toBeGreaterThan(0);
      });

      it("hold for every public claim: published, unrated, corrected and retracted", () => {
        for (const c of claims) expect(failures(annotationMusts, annotationOf(c))).toEqual([]);
      });

      it("hold for the W3C annotations of our import fixtures, and catch the one we made without an id", () => {
        const fixtures = join(repoRoot, "test/fixtures/annotations");
        const single = readJson<Record<string, unknown>>(join(fixtures, "w3c-annotation.json"));
        expect(failures(annotationMusts, single)).toEqual([]);
        const collection = readJson<{ "@context": string; first: { items: Record<string, unknown>[] } }>(join(fixtures, "w3c-collection.json"));
        const [withIds, withoutId] = [collection.first.items.filter((a) => "id" in a), collection.first.items.filter((a) => !("id" in a))];
        expect(withIds).toHaveLength(3);
        for (const item of withIds) expect(failures(annotationMusts, { "@context": collection["@context"], ...item })).toEqual([]);
        expect(failures(annotationMusts, { "@context": collection["@context"], ...withoutId[0] }).length).toBeGreaterThan(0);
      });

      it("hold for an annotation whose article has no source URL", () => {
        expect(failures(annotationMusts, annotationOf(claims[0], { ...article, sourceUrl: null }))).toEqual([]);
      });

      it("hold for the collection, its embedded page, and each embedded annotation in the collection's context", () => {
        const collection = toAnnotationCollection(claims, article, site);
        expect(failures(collectionMusts, collection)).toEqual([]);
        expect(failures(pageMusts, collection)).toEqual([]);
        for (const item of collection.first!.items) expect(failures(annotationMusts, { "@context": collection["@context"], ...item })).toEqual([]);
      });

      it("hold for an empty collection, which has no page for the page assertions to check", () => {
        const empty = toAnnotationCollection([], article, site);
        expect(empty.total).toBe(0);
        expect(empty.first).toBeUndefined();
        expect(failures(collectionMusts, empty)).toEqual([]);
      });

      it("reject a collection whose embedded page breaks them", () => {
        const collection = toAnnotationCollection(claims, article, site);
        expect(failures(collectionMusts, { ...collection, total: -1 }).length).toBeGreaterThan(0);
        expect(failures(collectionMusts, { ...collection, first: undefined }).length).toBeGreaterThan(0);
        expect(failures(pageMusts, { ...collection, first: { ...collection.first, items: "none" } }).length).toBeGreaterThan(0);
        expect(failures(pageMusts, { ...collection, first: { ...collection.first, startIndex: -1 } }).length).toBeGreaterThan(0);
      });
    });

    describe("what the W3C schemas let through but the model forbids", () => {
      const all = () => {
        const collection = toAnnotationCollection(claims, article, site);
        return [...claims.map((c) => annotationOf(c)), ...collection.first!.items];
      };

      it("every TextPositionSelector has integer start < end, and every quote is non-empty", () => {
        for (const a of all()) {
          const { quoteSel, positionSel } = selectorsOf(a);
          expect(quoteSel!.exact.length).toBeGreaterThan(0);
          expect(Number.isInteger(positionSel!.start) && Number.isInteger(positionSel!.end)).toBe(true);
          expect(positionSel!.start).toBeGreaterThanOrEqual(0);
          expect(positionSel!.start).toBeLessThan(positionSel!.end);
        }
      });

      it("created and modified are UTC xsd:dateTime values ending in Z", () => {
        for (const a of all()) {
          for (const t of [a.created, a.modified]) {
            expect(t).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
            expect(Number.isNaN(Date.parse(t!))).toBe(false);
          }
        }
      });

      it("timestamps stored without a zone or with an offset are converted to UTC, not passed through", () => {
        const a = annotationOf({ ...claims[0], publishedAt: "2024-03-01 10:00:00", updatedAt: "2024-03-02T16:30:00+05:00" });
        expect(a.created).toBe("2024-03-01T10:00:00.000Z");
        expect(a.modified).toBe("2024-03-02T11:30:00.000Z");
      });

      it("an unreadable timestamp is left out rather than published as an invalid dateTime", () => {
        const a = annotationOf({ ...claims[0], updatedAt: "last Tuesday" });
        expect(a).not.toHaveProperty("modified");
        expect(failures(annotationMusts, a)).toEqual([]);
      });

      it("the embedded page has no plain-URL partOf (the page checks look inside partOf)", () => {
        const page = toAnnotationCollection(claims, article, site).first!;
        expect(page).not.toHaveProperty("partOf");
      });
    });
  });

  describe("toWebAnnotation", () => {
    it("is an assessing Annotation with an IRI under the claim's permalink", () => {
      const a = annotationOf(claims[0]);
      expect(a["@context"]).toBe(annotationContext);
      expect(a["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
      expect(a.type).toBe("Annotation");
      expect(a.motivation).toBe("assessing");
      expect(a.id).toBe("https://factline.example/claims/40#annotation");
      expect(a.created).toBe("2024-03-01T10:00:00.000Z");
      expect(a.modified).toBe("2024-03-02T11:30:00.000Z");
    });

    it("is created by the publisher and generated by Factline", () => {
      const a = annotationOf(claims[0]);
      expect(a.creator).toEqual({ id: site.publisherUrl, type: "Organization", name: "Factline", homepage: site.publisherUrl });
      expect(a.generator).toMatchObject({ id: "https://factline.example/", type: "Software", name: "Factline" });
    });

    it("carries the localised verdict as an assessing TextualBody, the rating key as a tag and the explanation as a comment", () => {
      expect(annotationOf(claims[0]).body).toEqual([
        { type: "TextualBody", purpose: "assessing", value: "False", format: "text/plain", language: "en" },
        { type: "TextualBody", purpose: "tagging", value: "false" },
        { type: "TextualBody", purpose: "commenting", value: "The ministry's own figure is 12,000.", format: "text/plain" },
      ]);
      const ru = toWebAnnotation(claims[0], article, site, "ru")!;
      expect(ru.body[0]).toMatchObject({ purpose: "assessing", value: "Ложь", language: "ru" });
    });

    it("labels the verdict in the article's language when the scale has it", () => {
      const a = annotationOf(claims[0], { ...article, language: "kk" });
      expect(a.body[0]).toMatchObject({ value: "Жалған", language: "kk" });
    });

    it("gives an unrated verdict its label and no explanation body when there is none", () => {
      const a = annotationOf(claims[1]);
      expect(a.motivation).toBe("assessing");
      expect(a.body).toEqual([
        { type: "TextualBody", purpose: "assessing", value: "Unverifiable", format: "text/plain", language: "en" },
        { type: "TextualBody", purpose: "tagging", value: "unverifiable" },
      ]);
    });

    it("adds a corrected verdict's public note and a 'corrected' tag", () => {
      const bodies = annotationOf(claims[2]).body;
      expect(bodies[0]).toMatchObject({ purpose: "assessing", value: "Mostly false" });
      expect(bodies).toContainEqual({ type: "TextualBody", purpose: "commenting", value: claims[2].publicNote, format: "text/plain" });
      expect(bodies).toContainEqual({ type: "TextualBody", purpose: "tagging", value: "corrected" });
    });

    it("keeps a retracted claim as a comment that says so, without the withdrawn verdict", () => {
      const a = annotationOf(claims[3]);
      expect(a.motivation).toBe("commenting");
      expect(a.body).toEqual([
        { type: "TextualBody", purpose: "commenting", value: "The quote was misattributed.", format: "text/plain" },
        { type: "TextualBody", purpose: "tagging", value: "retracted" },
      ]);
      expect(a.body.some((b) => b.purpose === "assessing" || b.value === "False" || b.value.includes("12,000"))).toBe(false);
    });

    it("targets the original article when its URL is known, and our public page otherwise", () => {
      expect(annotationOf(claims[0]).target.source).toBe(article.sourceUrl);
      expect(annotationOf(claims[0], { ...article, sourceUrl: null }).target.source).toBe("https://factline.example/articles/kz-students-abroad");
      expect(annotationOf(claims[0], { ...article, sourceUrl: "not a url" }).target.source).toBe("https://factline.example/articles/kz-students-abroad");
    });

    it("returns null for a claim with an empty quote, which has nothing to target", () => {
      expect(toWebAnnotation({ ...claims[0], exact: "", end: claims[0].start }, article, site)).toBeNull();
    });
  });

  describe("selectors", () => {
    it("give back each quote when applied to the article text: by position in code points, and by quote with context", () => {
      for (const c of claims) {
        const { quoteSel, positionSel } = selectorsOf(annotationOf(c));
        expect(codePointSlice(text, positionSel!.start, positionSel!.end)).toBe(c.exact);
        expect(quoteSel!.exact).toBe(c.exact);
        expect(findQuote(text, quoteSel!)).toBe(positionSel!.start);
      }
    });

    it("count code points, not UTF-16 units, before a quote that follows astral characters", () => {
      const second = claims[1];
      const utf16 = text.indexOf(quote, text.indexOf(quote) + 1);
      expect(second.start).toBe(codePointIndex(text, utf16));
      expect(second.start).toBeLessThan(utf16);
      const { positionSel } = selectorsOf(annotationOf(second));
      expect(positionSel).toEqual({ type: "TextPositionSelector", start: second.start, end: second.end });
    });

    it("disambiguate a quote that occurs three times through its prefix and suffix", () => {
      const starts = claims.slice(0, 3).map((c) => findQuote(text, selectorsOf(annotationOf(c)).quoteSel!));
      expect(new Set(starts).size).toBe(3);
    });

    it("leave out a position that does not span the quote, and omit an empty prefix", () => {
      expect(toWebAnnotationSelectors({ exact: "abc", prefix: "", suffix: "d", start: 0, end: 5 })).toEqual([
        { type: "TextQuoteSelector", exact: "abc", suffix: "d" },
      ]);
      expect(toWebAnnotationSelectors({ exact: "abc", prefix: "x", suffix: "", start: 4, end: 4 })).toHaveLength(1);
    });
  });

  describe("fromWebAnnotationSelectors", () => {
    it("is the inverse of toWebAnnotationSelectors", () => {
      for (const c of claims) {
        const { exact, prefix, suffix, start, end } = c;
        expect(fromWebAnnotationSelectors(toWebAnnotationSelectors(c))).toEqual({ exact, prefix, suffix, start, end });
      }
    });

    it("reads a target object or a single-selector list", () => {
      const a = annotationOf(claims[0]);
      expect(fromWebAnnotationSelectors(a.target)).toMatchObject({ exact: quote, start: claims[0].start });
      expect(fromWebAnnotationSelectors([{ type: "TextPositionSelector", start: 0, end: 1 }])).toBeNull();
    });

    it("round-trips every range of any text, astral characters included", () => {
      const char = fc.oneof(fc.constantFrom("a", " ", "я", "\n", "🗳", "𝔞", "é"), fc.string({ unit: "grapheme", maxLength: 1 }));
      fc.assert(
        fc.property(
          fc.array(char, { minLength: 1, maxLength: 80 }).map((cs) => cs.join("")),
          fc.nat(),
          fc.nat(),
          (t, a, b) => {
            const n = codePointLength(t);
            fc.pre(n > 0);
            const start = a % n;
            const end = start + 1 + (b % (n - start));
            const sel = describeRange(t, start, end);
            const back = fromWebAnnotationSelectors(toWebAnnotationSelectors(sel));
            expect(back).toEqual(sel);
            expect(codePointSlice(t, back!.start, back!.end)).toBe(back!.exact);
          },
        ),
      );
    });

    it("refuses selectors the model forbids or that disagree", () => {
      const q = { type: "TextQuoteSelector", exact: "abc" };
      const p = (start: unknown, end: unknown) => ({ type: "TextPositionSelector", start, end });
      for (const bad of [
        [q],
        [p(0, 3)],
        [{ ...q, exact: "" }, p(0, 0)],
        [q, p(3, 0)],
        [q, p(-1, 2)],
        [q, p(0.5, 3.5)],
        [q, p("0", "3")],
        [q, p(0, 4)],
        [{ ...q, prefix: 5 }, p(0, 3)],
        null,
        "TextQuoteSelector",
        42,
        { selector: null },
      ]) {
        expect(fromWebAnnotationSelectors(bad), JSON.stringify(bad)).toBeNull();
      }
    });
  });

  describe("toAnnotationCollection", () => {
    it("is an AnnotationCollection with a label, a total and the annotations in an embedded first page", () => {
      const collection = toAnnotationCollection(claims, article, site);
      expect(collection).toMatchObject({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        id: "https://factline.example/articles/kz-students-abroad/annotations",
        type: "AnnotationCollection",
        label: "Factline fact-checks: Students abroad",
        total: 4,
      });
      expect(collection.first).toMatchObject({ id: `${collection.id}#page-1`, type: "AnnotationPage", startIndex: 0 });
      expect(collection.first!.items.map((i) => i.id)).toEqual(claims.map((c) => `https://factline.example/claims/${c.id}#annotation`));
    });

    it("embeds annotations without repeating the context the collection already gives", () => {
      const collection = toAnnotationCollection(claims, article, site);
      for (const item of collection.first!.items) expect(item).not.toHaveProperty("@context");
      const { "@context": _c, ...standalone } = annotationOf(claims[0]);
      expect(collection.first!.items[0]).toEqual(standalone);
    });

    it("counts only the claims it could express", () => {
      const collection = toAnnotationCollection([...claims, { ...claims[0], id: 5, exact: "" }], article, site);
      expect(collection.total).toBe(4);
      expect(collection.first!.items).toHaveLength(4);
    });
  });

  const seeds = resolve(repoRoot, process.env.FACTLINE_SEEDS ?? "../shared/seeds");
  describe.runIf(existsSync(seeds))("on the sample articles", () => {
    it("re-finds sentences of every seed text through the exported selectors", () => {
      for (const file of readdirSync(seeds).filter((f) => f.endsWith(".txt"))) {
        const seedText = readFileSync(join(seeds, file), "utf8");
        const sentences = [...seedText.matchAll(/[^.!?\n]{20,}[.!?]/gu)].slice(0, 8);
        for (const [i, m] of sentences.entries()) {
          const start = codePointIndex(seedText, m.index!);
          const sel = describeRange(seedText, start, start + codePointLength(m[0]));
          const c: PublicClaim = { ...claims[0], id: i + 1, ...sel };
          const a = annotationOf(c);
          const { quoteSel, positionSel } = selectorsOf(a);
          expect(codePointSlice(seedText, positionSel!.start, positionSel!.end), `${file} #${i}`).toBe(m[0]);
          // A sentence repeated verbatim with the same 32 characters around it would be ambiguous; the seeds have none.
          expect(findQuote(seedText, quoteSel!), `${file} #${i}`).toBe(positionSel!.start);
        }
      }
    });
  });
});

// Keep the fixture honest: its quotes really are where the claims say.
describe("web-annotation fixtures", () => {
  it("place each claim on its quote", () => {
    for (const c of claims) expect(codePointSlice(text, c.start, c.end)).toBe(c.exact);
  });
});
