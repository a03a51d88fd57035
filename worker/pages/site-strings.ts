import type { UiLanguage } from "../../schema/enums";
import { format } from "../../schema/format";

/** The words of the site's own pages (footer, not found, errors, methodology, corrections, about, contact). */
const strings = {
  en: {
    footer: "About Factline",
    methodology: "Methodology",
    corrections: "Corrections policy",
    about: "About us",
    contact: "Suggest a claim to check",
    home: "Latest fact-checks",
    notFoundTitle: "Page not found",
    notFoundText: "There is no page at this address, or it is no longer public. Search the fact-checks, or start from the latest ones.",
    searchAgain: "Search fact-checks and articles",
    searchButton: "Search",
    errorTitle: "Something went wrong",
    errorText: "This page could not be shown just now. Please try again in a moment, or search the fact-checks.",
  },
  ru: {
    footer: "О Factline",
    methodology: "Методология",
    corrections: "Политика исправлений",
    about: "О нас",
    contact: "Предложить утверждение для проверки",
    home: "Последние проверки",
    notFoundTitle: "Страница не найдена",
    notFoundText: "По этому адресу нет страницы, или она больше не опубликована. Воспользуйтесь поиском по проверкам или начните с последних.",
    searchAgain: "Поиск по проверкам и статьям",
    searchButton: "Найти",
    errorTitle: "Что-то пошло не так",
    errorText: "Сейчас эту страницу показать не удалось. Попробуйте ещё раз чуть позже или воспользуйтесь поиском.",
  },
  kk: {
    footer: "Factline туралы",
    methodology: "Әдістеме",
    corrections: "Түзету саясаты",
    about: "Біз туралы",
    contact: "Тексеруге мәлімдеме ұсыну",
    home: "Соңғы тексерулер",
    notFoundTitle: "Бет табылмады",
    notFoundText: "Бұл мекенжайда бет жоқ немесе ол енді жарияланбайды. Тексерулерден іздеңіз немесе соңғыларынан бастаңыз.",
    searchAgain: "Тексерулер мен мақалалардан іздеу",
    searchButton: "Іздеу",
    errorTitle: "Бірдеңе дұрыс болмады",
    errorText: "Бұл бетті қазір көрсету мүмкін болмады. Сәлден кейін қайталап көріңіз немесе іздеуді пайдаланыңыз.",
  },
} as const satisfies Record<UiLanguage, Record<string, string>>;

export type SiteMessage = keyof (typeof strings)["en"];

/** A site page string in a language, with {name} placeholders filled. */
export function st(lang: UiLanguage, key: SiteMessage, values: Record<string, string> = {}): string {
  return format(strings[lang][key], values);
}
