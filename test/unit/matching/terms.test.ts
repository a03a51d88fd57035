import { describe, expect, it } from "vitest";
import { matchDocument, matchQuery } from "../../../worker/domain/matching/match-doc";
import { rescore } from "../../../worker/domain/matching/rescore";
import { textTerms } from "../../../worker/domain/matching/terms";
import { skeleton, transliterate } from "../../../worker/domain/matching/translit";

describe("textTerms", () => {
  it("stems English and Russian inflections to one term", () => {
    expect(textTerms("students graduated").terms).toEqual(textTerms("student graduating").terms);
    expect(textTerms("выпускников школ").terms).toEqual(textTerms("выпускники школы").terms);
  });
  it("drops stop words and folds case and ё", () => {
    expect(textTerms("The Schools and the ВЫПУСКНИКИ").terms).toEqual(["school", "выпускник"]);
    expect(textTerms("всё ещё").terms).toEqual(textTerms("все еще").terms);
  });
  it("gives a name one entity key in Latin, Russian and Kazakh spelling and in any case", () => {
    const keys = ["Tokayev said", "заявил Токаев", "Токаевым", "Тоқаев деді"].map((t) => textTerms(t).entities);
    for (const k of keys) expect(k).toContain("tkv");
    const country = ["Kazakhstan's schools", "в Казахстане", "Казахстаном", "Қазақстанның", "Қазақстан"].map((t) => textTerms(t).entities);
    for (const k of country) expect(k).toContain("kzkstn");
  });
});

describe("transliterate and skeleton", () => {
  it("spell Russian and Kazakh letters in Latin and keep consonants", () => {
    expect(transliterate("жанболат")).toBe("zhanbolat");
    expect(transliterate("қазақстан")).toBe("kazakstan");
    expect(skeleton("nazarbayev")).toBe(skeleton(transliterate("назарбаев")));
    expect(skeleton("almaty")).toBe("almt");
  });
});

describe("matchQuery and matchDocument", () => {
  it("read every format of sixty thousand as one number key, and keep number words out of the stems", () => {
    for (const text of ["60,000 students", "60 000 students", "60 тысяч студентов", "sixty thousand students"]) {
      const q = matchQuery(text);
      expect(q.numbers).toEqual(["n60000"]);
      expect(q.fts).not.toMatch(/thousand|тысяч|sixty/);
    }
    expect(matchDocument("Ежегодно 60 тысяч выпускников", "Выпускники").keys.split(" ")).toContain("n60000");
  });
  it("quotes every token so that no FTS5 syntax of the user's passes through", () => {
    const q = matchQuery('students NEAR "abroad" OR * -');
    // NEAR and OR are words here, quoted like any other; the stars and the minus are gone.
    expect(q.fts).toBe('{terms title}: ("student" OR "near" OR "abroad")');
    expect(matchQuery("и в на").fts).toBeNull();
  });
  it("also lists the terms one by one, each with its columns, for counting how common each is", () => {
    const q = matchQuery('60,000 "students" and 60 000 students');
    expect(q.phrases).toEqual(['{terms title}: "student"', 'keys: "n60000"']);
    expect(matchQuery("и в на").phrases).toEqual([]);
  });
});

describe("rescore", () => {
  const query = matchQuery("60,000 students go abroad, Tokayev said");
  it("ranks a shared number above equal words with another number", () => {
    const ranked = rescore(query, [
      { id: 1, bm25: -5, keys: "n6000" },
      { id: 2, bm25: -4, keys: "n60000 etkv" },
    ]);
    expect(ranked.map((r) => r.id)).toEqual([2, 1]);
  });
  it("breaks ties by id, so the order never depends on the database", () => {
    const ranked = rescore(query, [
      { id: 9, bm25: -3, keys: "" },
      { id: 3, bm25: -3, keys: "" },
    ]);
    expect(ranked).toEqual([{ id: 3, score: 1 }, { id: 9, score: 1 }]);
  });
});
