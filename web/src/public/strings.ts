/**
 * The few words the public scripts add to a page, in the three UI languages. Kept apart from the
 * server's dictionary so that the browser bundles carry only these.
 */
import { uiLanguages, type UiLanguage } from "../../../schema/enums";

const strings = {
  en: {
    close: "Close",
    previous: "Previous claim",
    next: "Next claim",
    position: "Fact-check {n} of {total}",
    navigation: "Fact-checks in this article",
    factCheck: "Fact-check",
    sources: "Sources",
    readMore: "Full fact-check and sources on Factline",
    corrected: "Corrected",
    retracted: "Retracted",
  },
  ru: {
    close: "Закрыть",
    previous: "Предыдущее утверждение",
    next: "Следующее утверждение",
    position: "Проверка {n} из {total}",
    navigation: "Проверки в этой статье",
    factCheck: "Проверка фактов",
    sources: "Источники",
    readMore: "Полная проверка и источники на Factline",
    corrected: "Исправлено",
    retracted: "Отозвано",
  },
  kk: {
    close: "Жабу",
    previous: "Алдыңғы мәлімдеме",
    next: "Келесі мәлімдеме",
    position: "Тексеру: {n} / {total}",
    navigation: "Осы мақаладағы тексерулер",
    factCheck: "Фактіні тексеру",
    sources: "Дереккөздер",
    readMore: "Толық тексеру мен дереккөздер Factline сайтында",
    corrected: "Түзетілді",
    retracted: "Кері қайтарылды",
  },
} as const satisfies Record<UiLanguage, Record<string, string>>;

export type PublicMessage = keyof (typeof strings)["en"];

/** The UI language for a BCP 47 tag such as a page's `lang` ("ru-KZ" → "ru"), or null if we have none. */
export function uiLanguageOf(tag: string | null | undefined): UiLanguage | null {
  const base = (tag ?? "").split("-")[0].toLowerCase();
  return uiLanguages.find((l) => l === base) ?? null;
}

/** A message in a language, with {name} placeholders filled. */
export function message(lang: UiLanguage, key: PublicMessage, values: Record<string, string | number> = {}): string {
  return strings[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}
