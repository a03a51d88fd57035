import { describe, expect, it } from "vitest";
import { findQuantities, parseNumeral, quantityKey, type Quantity } from "../../worker/domain/quantities";

/** Key, kind and the exact text covered, for each quantity found. */
const read = (text: string, lang?: string) =>
  findQuantities(text, lang).map((q: Quantity) => ({ key: quantityKey(q), text: text.slice(q.start, q.end), ...(q.bound ? { bound: q.bound } : {}) }));
const keys = (text: string, lang?: string) => findQuantities(text, lang).map(quantityKey);

describe("parseNumeral", () => {
  it("reads thousands grouped by commas, dots or any width of space", () => {
    expect(parseNumeral("60,000")).toBe(60000);
    expect(parseNumeral("60 000")).toBe(60000);
    expect(parseNumeral("60\u00a0000")).toBe(60000);
    expect(parseNumeral("1\u202f500\u202f000")).toBe(1500000);
    expect(parseNumeral("1.500.000")).toBe(1500000);
    expect(parseNumeral("1,234.5")).toBe(1234.5);
  });
  it("reads a comma before one, two or four digits as a decimal point", () => {
    expect(parseNumeral("2,5")).toBe(2.5);
    expect(parseNumeral("12,75")).toBe(12.75);
    expect(parseNumeral("3.14")).toBe(3.14);
  });
});

describe("findQuantities", () => {
  it("gives one key to the same number written as a numeral, with a space, in Russian words and in English words", () => {
    const forms = ["60,000 students", "60 000 students", "60 тысяч студентов", "шестьдесят тысяч студентов", "sixty thousand students", "алпыс мың студент"];
    const langs = ["en", "en", "ru", "ru", "en", "kk"];
    expect(forms.map((f, i) => keys(f, langs[i]))).toEqual(forms.map(() => ["count:60000"]));
  });
  it("scales a numeral by the word after it, in full or abbreviated", () => {
    expect(read("более 9 миллионов избирателей", "ru")).toEqual([{ key: "count:9000000", text: "9 миллионов", bound: "gt" }]);
    expect(keys("7 тысяч человек")).toEqual(["count:7000"]);
    expect(keys("бюджет 1,5 млрд тенге", "ru")).toEqual(["money:1500000000:KZT"]);
    expect(keys("2.5 million people and 60k viewers")).toEqual(["count:2500000", "count:60000"]);
    expect(keys("5 тыс. рублей", "ru")).toEqual(["money:5000:RUB"]);
  });
  it("reads compound number words with hundreds, scales and the English 'and'", () => {
    expect(keys("two hundred and five thousand votes")).toEqual(["count:205000"]);
    expect(keys("twenty-five schools", "en")).toEqual(["count:25"]);
    expect(keys("a hundred buses")).toEqual(["count:100"]);
    expect(keys("две тысячи пятьсот человек", "ru")).toEqual(["count:2500"]);
    expect(keys("пятидесяти трёх округов", "ru")).toEqual(["count:53"]);
    expect(keys("екі мың бес жүз адам", "kk")).toEqual(["count:2500"]);
  });
  it("reads fractions in words", () => {
    expect(keys("two-thirds of voters")).toEqual(["fraction:0.666667"]);
    expect(keys("a quarter of the budget")).toEqual(["fraction:0.25"]);
    expect(keys("две трети жителей", "ru")).toEqual(["fraction:0.666667"]);
    expect(keys("половина школ", "ru")).toEqual(["fraction:0.5"]);
  });
  it("reads percentages as signs, words and percentage points", () => {
    expect(keys("rose by 40% and 12 percent")).toEqual(["percent:40:%", "percent:12:%"]);
    expect(keys("выросла на 40 процентов", "ru")).toEqual(["percent:40:%"]);
    expect(keys("40 пайызға өсті", "kk")).toEqual(["percent:40:%"]);
    expect(keys("40%-ға өсті", "kk")).toEqual(["percent:40:%"]);
    expect(keys("fell by 2 percentage points")).toEqual(["percent:2:pp"]);
  });
  it("reads money with the currency before or after", () => {
    expect(keys("$5 million")).toEqual(["money:5000000:USD"]);
    expect(keys("$5bn")).toEqual(["money:5000000000:USD"]);
    expect(keys("200 тенге", "ru")).toEqual(["money:200:KZT"]);
    expect(keys("500 мың теңге", "kk")).toEqual(["money:500000:KZT"]);
    expect(keys("₸200")).toEqual(["money:200:KZT"]);
  });
  it("reads units of measure and 'times'", () => {
    expect(keys("120 km of road and 3 тонны", "ru")).toEqual(["measure:120:km", "measure:3:t"]);
    expect(keys("в 2 раза больше", "ru")).toEqual(["ratio:2:x"]);
    expect(keys("for 5 years")).toEqual(["measure:5:year"]);
  });
  it("tells years and dates from counts", () => {
    expect(keys("drinking water by 2025")).toEqual(["year:2025"]);
    expect(keys("в 2021 году", "ru")).toEqual(["year:2021"]);
    expect(keys("2025 жылға дейін", "kk")).toEqual(["year:2025"]);
    expect(keys("2,025 people")).toEqual(["count:2025"]);
    expect(keys("on 10.01.2021")).toEqual(["date:2021"]);
  });
  it("marks vague plurals and bounds", () => {
    const [thousands] = findQuantities("thousands of people");
    expect(thousands).toMatchObject({ kind: "count", value: 1000, vague: true });
    expect(findQuantities("сотни жителей", "ru")[0]).toMatchObject({ value: 100, vague: true });
    expect(findQuantities("мыңдаған адам", "kk")[0]).toMatchObject({ value: 1000, vague: true });
    expect(read("more than 540,000 people")).toEqual([{ key: "count:540000", text: "540,000", bound: "gt" }]);
    expect(read("9 миллионнан астам сайлаушы", "kk")).toEqual([{ key: "count:9000000", text: "9 миллионнан", bound: "gt" }]);
    expect(read("около 2 500 человек", "ru")).toEqual([{ key: "count:2500", text: "2 500", bound: "approx" }]);
  });
  it("does not read pronouns, articles and look-alike words as numbers", () => {
    expect(keys("one of the candidates said no one came")).toEqual([]);
    expect(keys("Он сказал, что одна партия и его семью", "ru")).toEqual([]);
    expect(keys("Оның айтуынша, бұл үшін онда бірге жұмыс істейді", "kk")).toEqual([]);
    expect(keys("Алтын бірақ екінші", "kk")).toEqual([]);
  });
  it("keeps separate numbers apart: a year before a count, a list, a time", () => {
    expect(keys("In 2021 100 schools")).toEqual(["year:2021", "count:100"]);
    expect(keys("5, 10, 15")).toEqual(["count:5", "count:10", "count:15"]);
    expect(keys("at 10:30")).toEqual([]);
  });
  it("points back into the text it searched", () => {
    const text = "Ожидается, что более 9 миллионов казахстанцев";
    const [q] = findQuantities(text, "ru");
    expect(text.slice(q.start, q.end)).toBe("9 миллионов");
  });
  it("guesses the language of the number words from the script when none is given", () => {
    expect(keys("шестьдесят тысяч")).toEqual(["count:60000"]);
    expect(keys("алпыс мың адам Қазақстанда")).toEqual(["count:60000"]);
  });
});

describe("findQuantities: days of the month", () => {
  it("reads a day beside a month name as a date, in en, ru and kk", () => {
    expect(keys("On March 1, the party visited 3 regions")).toEqual(["date:1", "count:3"]);
    expect(keys("Выборы пройдут 19 марта", "ru")).toEqual(["date:19"]);
    expect(keys("2024 жылғы 3 наурыз", "kk")).toEqual(["year:2024", "date:3"]);
  });
  it("does not take words that merely begin like a month for one", () => {
    expect(keys("the mayor 5 decided")).toEqual(["count:5"]);
  });
});
