/**
 * The few words the public scripts add to a page, in the three UI languages. Kept apart from the
 * server's dictionary so that the browser bundles carry only these; state names come from
 * schema/enums.ts (publicStateLabel).
 */
import type { UiLanguage } from "../../../schema/enums";
import { format } from "../../../schema/format";

const strings = {
  en: {
    close: "Close",
    previous: "Previous claim",
    next: "Next claim",
    position: "Fact-check {n} of {total}",
    count: "{total} fact-checks: use the arrows, or j and k",
    navigation: "Fact-checks in this article",
    factCheck: "Fact-check",
    sources: "Sources",
    readMore: "Full fact-check and sources on Factline",
  },
  ru: {
    close: "Закрыть",
    previous: "Предыдущее утверждение",
    next: "Следующее утверждение",
    position: "Проверка {n} из {total}",
    count: "Проверок: {total}. Стрелки или j и k",
    navigation: "Проверки в этой статье",
    factCheck: "Проверка фактов",
    sources: "Источники",
    readMore: "Полная проверка и источники на Factline",
  },
  kk: {
    close: "Жабу",
    previous: "Алдыңғы мәлімдеме",
    next: "Келесі мәлімдеме",
    position: "Тексеру: {n} / {total}",
    count: "Тексерулер: {total}. Көрсеткілер немесе j және k",
    navigation: "Осы мақаладағы тексерулер",
    factCheck: "Фактіні тексеру",
    sources: "Дереккөздер",
    readMore: "Толық тексеру мен дереккөздер Factline сайтында",
  },
} as const satisfies Record<UiLanguage, Record<string, string>>;

export type PublicMessage = keyof (typeof strings)["en"];

/** A message in a language, with {name} placeholders filled. */
export function message(lang: UiLanguage, key: PublicMessage, values: Record<string, string | number> = {}): string {
  return format(strings[lang][key], values);
}
