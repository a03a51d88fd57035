import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { insert, mergeNext, move, remove, replace, splitBefore } from "./revision-corpus-format";
import type { RevisionCase } from "./revision-corpus-format";

/**
 * Multi-revision cases: articles corrected six to ten times in a row, cut from our own demo articles
 * (demo/) and from texts written for this corpus. No third-party text. Claims are marked `[a[ … ]a]`.
 */

/** A demo article's lines as paragraphs: title, date and source line included, so that there is more to move. */
const demo = (file: string) =>
  readFileSync(fileURLToPath(new URL(`../../../demo/${file}`, import.meta.url)), "utf8")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/^# /, "").trim())
    .filter(Boolean)
    .join("\n\n");

/** `text` with `phrase` (which must occur once) marked as claim `letter`. */
function mark(text: string, phrase: string, letter: string): string {
  const at = text.indexOf(phrase);
  if (at === -1 || text.indexOf(phrase, at + 1) !== -1) throw new Error(`"${phrase}" must occur exactly once`);
  return `${text.slice(0, at)}[${letter}[${phrase}]${letter}]${text.slice(at + phrase.length)}`;
}

const buses = mark(
  mark(demo("en-city-buses.md"), "240 new electric buses will be on the streets by April", "a"),
  "the council had promised 300 buses in 2022 and delivered fewer than 100",
  "b",
);

const meals = mark(
  mark(demo("ru-school-meals.txt"), "на программу выделено 45 миллиардов тенге", "a"),
  "ещё 300 школ получат новые столовые до конца года",
  "b",
);

const roads = mark(demo("kk-roads.txt"), "биыл 500 шақырым жергілікті жол күрделі жөндеуден өтеді", "a");

/** Written for this corpus: a longer English report with four claims. */
const exports = [
  "Grain exports hit a record as new rail link opens",
  "March 4, 2024",
  "The ministry of agriculture said on Tuesday that [a[grain exports reached 11.2 million tonnes in the last marketing year]a], the highest figure since independence.",
  "Officials credited the new rail link to the Caspian ports, which they said cut the journey to Baku by four days.",
  "According to the ministry, [b[60,000 farmers received subsidised loans for seed and fuel]b] in the spring sowing campaign.",
  "Independent analysts were more cautious. One economist noted that prices on world markets fell by a fifth over the same period, so earnings grew far less than volumes.",
  "The deputy minister told reporters that [c[the state will buy 2 million tonnes of wheat for the reserve fund]c] before the end of the year.",
  "Farmers in the north complained that storage is scarce and that elevators charge more every season.",
  "A spokesman for the farmers' union said [d[one in three elevators in the region is more than forty years old]d], and several were closed after inspections.",
  "The ministry plans to publish a full report in June.",
].join("\n\n");

/** Written for this corpus: a Russian report with three claims. */
const housing = [
  "Жильё для молодых семей: обещания и цифры",
  "12 апреля 2024",
  "Аким города заявил, что [a[в этом году молодые семьи получат 3 тысячи квартир]a] по льготной программе.",
  "По его словам, строительство ведут двенадцать компаний, а первые дома сдадут уже летом.",
  "В управлении строительства уточнили, что [b[средняя ставка по ипотеке составит 5 процентов]b], а первоначальный взнос снизят до десяти процентов.",
  "Эксперты напоминают, что в прошлом году программа охватила меньше половины заявителей.",
  "Депутат городского маслихата отметил, что [c[очередь на жильё выросла до 18 тысяч человек]c] за два года.",
  "Следующий отчёт об исполнении программы ожидается осенью.",
].join("\n\n");

/** Written for this corpus: a speech printed twice (once quoted in full, once with the fact-check), claim on the second copy. */
const repeatedBlock = [
  "Transcript and fact-check of the governor's speech",
  "The governor said: \"We have opened 40 new clinics in rural districts. Waiting times fell by half.\"",
  "The regional health department published the speech on its website on Friday.",
  "Fact-check of the passage:",
  "The governor said: \"We have opened [a[40 new clinics in rural districts]a]. Waiting times fell by half.\"",
  "The department's own report lists 28 clinics opened since 2021.",
].join("\n\n");

const longIntroduction = [
  "Editor's note: this page was expanded on Monday with the full context of the governor's visit, the department's figures and the reactions of doctors in three districts.",
  "The governor toured four districts last week, meeting doctors and patients and inaugurating two buildings that had been finished in the autumn.",
  "Doctors in the southern districts said that staffing, not buildings, remains the main problem, and that several new clinics open only three days a week.",
].join("\n\n");

/** Written for this corpus: an election report whose figures recur, so that a number alone places nothing. */
const turnout = [
  "Turnout at 54 per cent as polls close",
  "The central election commission said that [a[turnout reached 54 per cent by 8 p.m.]a], two points lower than in the previous election.",
  "In the capital, turnout reached 41 per cent, and in the south it reached 62 per cent.",
  "The commission's chair said [b[more than 300 observers from 40 countries]b] watched the vote, and that no serious violations were reported.",
  "Opposition parties said their own observers had recorded more than 300 complaints in 40 districts.",
  "Preliminary results are expected on Monday. The commission said [c[counting will take no longer than three days]c] in every region.",
  "Turnout in the previous election was 56 per cent, according to the commission's archive.",
].join("\n\n");

/** Written for this corpus: a Russian report where one sentence is printed twice in one paragraph. */
const budget = [
  "Бюджет области на 2025 год",
  "Депутаты утвердили бюджет. «Расходы на образование вырастут на 12 процентов», — сказал аким. Позднее он повторил: «[a[Расходы на образование вырастут на 12 процентов]a]», отвечая на вопрос журналиста.",
  "По данным управления финансов, [b[дефицит бюджета не превысит 3 процентов]b] доходов.",
  "Расходы на здравоохранение сохранятся на уровне прошлого года.",
].join("\n\n");

export const revisionCases: RevisionCase[] = [
  {
    name: "demo buses: insertions, claim words edited, quotes restyled, paragraphs moved and merged",
    language: "en",
    text: buses,
    revisions: [
      [insert(2, "Update: the council confirmed the figures at a press conference on Tuesday.")],
      [replace("240 new electric buses", "250 new electric buses")],
      [replace('"Every district', "“Every district"), replace('months,"', "months,”")],
      [move("Transport campaigners", 2)],
      [replace("delivered fewer than 100", "delivered fewer than 110")],
      [mergeNext("Update: the council")],
      [replace("on the streets by April", "on the streets by the end of April")],
      [remove("Source:")],
      [insert(1, "Correction: an earlier version of this article misstated the number of routes.")],
    ],
  },
  {
    name: "demo Russian school meals: ё and е, a word added inside, paragraphs moved, merged and deleted",
    language: "ru",
    text: meals,
    revisions: [
      [replace("ещё 300 школ", "еще 300 школ")],
      [replace("45 миллиардов тенге", "45 млрд тенге")],
      [insert(3, "Уточнение: данные министерства приведены по состоянию на 1 февраля.")],
      [move("Родители в социальных сетях", 2)],
      [replace("выделено 45", "дополнительно выделено 45")],
      [mergeNext("Уточнение: данные")],
      [replace("новые столовые до конца", "новые столовые и спортзалы до конца")],
      [remove("Источник:")],
    ],
  },
  {
    name: "demo Kazakh roads: typo made and fixed inside the claim, paragraphs inserted and deleted",
    language: "kk",
    text: roads,
    revisions: [
      [insert(2, "Жаңартылды: әкімдік деректерді сейсенбіде растады.")],
      [replace("жергілікті жол", "жергілікті жлл")],
      [replace("жергілікті жлл", "жергілікті жол")],
      [remove("Жаңартылды:")],
      [replace("Тұрғындар өткен жылы", "Ауыл тұрғындары өткен жылы")],
      [insert(3, "Әкімнің орынбасары жұмыстың мерзімін де атады.")],
    ],
  },
  {
    name: "grain exports: ten revisions, numbers restyled, words added inside, typos, moves, merges and a deleted claim",
    language: "en",
    text: exports,
    revisions: [
      [replace("60,000 farmers", "60 000 farmers")],
      [insert(3, "Correction: an earlier version said the rail link opened in January; it opened in February.")],
      [replace("grain exports reached", "grain exports rose to"), replace("the new rail link to the Caspian", "the new railway link to the Caspian")],
      [move("Independent analysts", 2)],
      [replace("buy 2 million tonnes of wheat", "buy 2 million tonnes of wheet")],
      [replace("buy 2 million tonnes of wheet", "buy 2 million tonnes of wheat"), mergeNext("Farmers in the north")],
      [replace("received subsidised loans", "received cheap subsidised loans")],
      [remove("Officials credited the new")],
      [splitBefore("One economist noted"), replace("The ministry plans to publish", "The ministry will publish")],
      [remove("A spokesman for the farmers' union"), insert(2, "Prices for flour in shops rose by six per cent in the same year.")],
    ],
  },
  {
    name: "Russian housing: eight revisions, claim words edited twice, paragraphs moved and merged",
    language: "ru",
    text: housing,
    revisions: [
      [insert(2, "Обновлено: добавлен комментарий управления строительства.")],
      [replace("3 тысячи квартир", "3 000 квартир")],
      [move("Эксперты напоминают", 2)],
      [replace("составит 5 процентов", "составит не более 5 процентов")],
      [mergeNext("По его словам")],
      [replace("очередь на жильё выросла", "очередь на жилье выросла"), replace("Следующий отчёт", "Следующий отчет")],
      [remove("Обновлено:")],
      [replace("до 18 тысяч человек", "до 18,5 тысячи человек")],
    ],
  },
  {
    name: "a repeated block with a long insertion above it (the claim is on the second copy)",
    language: "en",
    text: repeatedBlock,
    revisions: [
      [insert(1, longIntroduction)],
      [replace("department published the speech", "department published the full speech")],
      [insert(5, "A second note: the department later said that two of the clinics are mobile units.")],
      [replace('opened [a[40 new clinics in rural districts]a]', 'opened [a[40 new clinics in the rural districts]a]')],
      [replace("Fact-check of the passage:", "Our fact-check of the passage:")],
      [insert(1, "Editor's note: the governor's office sent a statement after publication, printed at the end.")],
    ],
  },
  {
    name: "a claim's paragraph moved and its words edited in the same revision",
    language: "en",
    text: mark(exports.replace(/\[([a-z])\[|\]([a-z])\]/g, ""), "the state will buy 2 million tonnes of wheat for the reserve fund", "a"),
    revisions: [
      [move("The deputy minister told", 2), replace("buy 2 million tonnes", "buy 2.5 million tonnes")],
      [insert(0, "Agriculture")],
      [move("The deputy minister told", 6)],
      [replace("for the reserve fund", "for the state reserve fund")],
      [remove("Farmers in the north")],
      [insert(4, "The ministry did not say how much the purchase will cost.")],
    ],
  },
  {
    name: "election turnout: recurring figures, claim words edited, then its paragraph moved while the change is unconfirmed",
    language: "en",
    text: turnout,
    revisions: [
      [replace("more than 300 observers from 40 countries", "more than 350 observers from 40 countries")],
      [move("The commission's chair said", 4)],
      [insert(1, "This article is being updated as results come in.")],
      [replace("turnout reached 54 per cent by 8 p.m.", "turnout reached 54.3 per cent by 8 p.m.")],
      [mergeNext("In the capital, turnout")],
      [replace("counting will take no longer than three days", "counting will take no longer than five days"), move("Preliminary results", 2)],
      [remove("This article is being updated")],
      [replace("Opposition parties said", "Two opposition parties said")],
      [insert(3, "The commission's chair said more observers came than ever before.")],
    ],
  },
  {
    name: "Russian budget: a sentence printed twice in one paragraph, claim on the second, text inserted between",
    language: "ru",
    text: budget,
    revisions: [
      [replace("Депутаты утвердили бюджет.", "Депутаты областного маслихата утвердили бюджет после долгого обсуждения, в котором выступили представители всех районов.")],
      [replace("Позднее он повторил:", "Позднее, на пресс-конференции после заседания, он повторил:")],
      [replace("дефицит бюджета не превысит 3 процентов", "дефицит бюджета не превысит 2,5 процента")],
      [insert(1, "Обновлено: добавлены данные управления финансов.")],
      [move("По данным управления финансов", 4)],
      [replace("«Расходы на образование вырастут на 12 процентов», — сказал", "«Расходы на образование вырастут на 12 процентов», — заявил")],
    ],
  },
];
