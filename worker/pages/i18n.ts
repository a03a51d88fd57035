import { uiLanguageOf, uiLanguages, type UiLanguage } from "../../schema/enums";
import { format } from "../../schema/format";

const strings = {
  en: {
    pages: "Pages",
    newer: "← Newer",
    older: "Older →",
    pageOf: "Page {page} of {pages}",
    latest: "Latest fact-checks",
    articles: "Annotated articles",
    factChecks: "Fact-checks in this article",
    claimant: "Claimed by",
    sources: "Sources",
    permalink: "Permanent link",
    history: "Revision history",
    search: "Search",
    searchLabel: "Search fact-checks and articles",
    results: "Results",
    noResults: "Nothing found.",
    filters: "Filters",
    verdict: "Verdict",
    anyVerdict: "Any verdict",
    anyLanguage: "Any language",
    state: "Status",
    anyState: "Any status",
    dateFrom: "From",
    dateTo: "To",
    apply: "Apply",
    moreFactChecks: "More fact-checks",
    moreArticles: "More articles",
    trackRecord: "Track record",
    inArticle: "In",
    original: "Original article",
    language: "Language",
    changedAfter: "The article was changed on {date}, after this fact-check; an editor is reviewing it.",
    verdictChanged: "Verdict changed from {from} to {to}",
    reason: "Reason",
    skip: "Skip to content",
    nothing: "No fact-checks have been published yet.",
    claims: "fact-checks",
    articleChanged: "The article's text changed; the quote was re-anchored",
  },
  ru: {
    pages: "Страницы",
    newer: "← Новее",
    older: "Старше →",
    pageOf: "Страница {page} из {pages}",
    latest: "Последние проверки",
    articles: "Размеченные статьи",
    factChecks: "Проверки в этой статье",
    claimant: "Автор утверждения",
    sources: "Источники",
    permalink: "Постоянная ссылка",
    history: "История изменений",
    search: "Поиск",
    searchLabel: "Поиск по проверкам и статьям",
    results: "Результаты",
    noResults: "Ничего не найдено.",
    filters: "Фильтры",
    verdict: "Вердикт",
    anyVerdict: "Любой вердикт",
    anyLanguage: "Любой язык",
    state: "Статус",
    anyState: "Любой статус",
    dateFrom: "С",
    dateTo: "По",
    apply: "Применить",
    moreFactChecks: "Ещё проверки",
    moreArticles: "Ещё статьи",
    trackRecord: "Репутация",
    inArticle: "В статье",
    original: "Оригинал статьи",
    language: "Язык",
    changedAfter: "Статья изменена {date}, после этой проверки; редактор её пересматривает.",
    verdictChanged: "Вердикт изменён с «{from}» на «{to}»",
    reason: "Причина",
    skip: "К содержанию",
    nothing: "Проверок пока нет.",
    claims: "проверок",
    articleChanged: "Текст статьи изменился; цитата перепривязана",
  },
  kk: {
    pages: "Беттер",
    newer: "← Жаңарақ",
    older: "Ескірек →",
    pageOf: "{pages} беттің {page}-беті",
    latest: "Соңғы тексерулер",
    articles: "Белгіленген мақалалар",
    factChecks: "Осы мақаладағы тексерулер",
    claimant: "Мәлімдеме авторы",
    sources: "Дереккөздер",
    permalink: "Тұрақты сілтеме",
    history: "Өзгерістер тарихы",
    search: "Іздеу",
    searchLabel: "Тексерулер мен мақалалардан іздеу",
    results: "Нәтижелер",
    noResults: "Ештеңе табылмады.",
    filters: "Сүзгілер",
    verdict: "Үкім",
    anyVerdict: "Кез келген үкім",
    anyLanguage: "Кез келген тіл",
    state: "Күйі",
    anyState: "Кез келген күй",
    dateFrom: "Бастап",
    dateTo: "Дейін",
    apply: "Қолдану",
    moreFactChecks: "Тағы тексерулер",
    moreArticles: "Тағы мақалалар",
    trackRecord: "Тексерулер тарихы",
    inArticle: "Мақалада",
    original: "Түпнұсқа мақала",
    language: "Тіл",
    changedAfter: "Мақала {date} күні, осы тексеруден кейін өзгертілді; редактор оны қайта қарап жатыр.",
    verdictChanged: "Үкім «{from}» орнына «{to}» болып өзгерді",
    reason: "Себебі",
    skip: "Мазмұнға өту",
    nothing: "Әзірге тексеру жарияланбаған.",
    claims: "тексеру",
    articleChanged: "Мақала мәтіні өзгерді; дәйексөз қайта байланыстырылды",
  },
} as const satisfies Record<UiLanguage, Record<string, string>>;

export type MessageKey = keyof (typeof strings)["en"];

/** A UI string in a language, with {name} placeholders filled. */
export function t(lang: UiLanguage, key: MessageKey, values: Record<string, string> = {}): string {
  return format(strings[lang][key], values);
}

/** The reader's language: ?lang=, then the lang cookie, then Accept-Language, then English. */
export function pickUiLanguage(query: string | undefined, cookie: string | undefined, acceptLanguage: string | undefined): UiLanguage {
  const known = (v: string | undefined) => uiLanguages.find((l) => l === v?.toLowerCase());
  const chosen = known(query) ?? known(cookie);
  if (chosen) return chosen;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { lang: uiLanguageOf(tag), q: Number.isFinite(q) ? q : 0 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(Boolean) ?? "en";
}

/** The reader's language without remembering a choice: for pages built outside a public route (404, errors). */
export function readerLanguage(query: string | undefined, cookieHeader: string | undefined, acceptLanguage: string | undefined): UiLanguage {
  const cookie = /(?:^|;\s*)lang=([^;]*)/.exec(cookieHeader ?? "")?.[1];
  return pickUiLanguage(query, cookie, acceptLanguage);
}
