/** The workspace's UI language and strings (one file a language in messages/). The choice is remembered in localStorage. */
import { uiLanguageOf, type UiLanguage } from "../../../schema/enums";
import { format } from "../../../schema/format";
import { en, type MessageKey, type Messages } from "./messages/en";
import { kk } from "./messages/kk";
import { ru } from "./messages/ru";

export type { MessageKey };

const messages: Record<UiLanguage, Messages> = { en, ru, kk };
const storageKey = "factline.uiLanguage";

/** Native names, so each language is findable by someone who reads only that one. */
export const languageNames: Record<UiLanguage, string> = { en: "English", ru: "Русский", kk: "Қазақша" };

function initial(): UiLanguage {
  try {
    const saved = uiLanguageOf(localStorage.getItem(storageKey));
    if (saved) return saved;
  } catch {
    // storage blocked: fall through to the browser's language
  }
  return uiLanguageOf(typeof navigator !== "undefined" ? navigator.language : null) ?? "en";
}

let current: UiLanguage = typeof localStorage !== "undefined" ? initial() : "en";

/** The UI language in use. */
export const uiLanguage = () => current;

/** Switch the UI language and remember it. */
export function setUiLanguage(lang: UiLanguage) {
  current = lang;
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // not remembered, still switched
  }
}

/** The message `key` in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return format(messages[current][key] ?? en[key], vars);
}

/** Every key is translated in every language (used by the unit test). */
export function missingTranslations(): string[] {
  const keys = Object.keys(en) as MessageKey[];
  return (["ru", "kk"] as const).flatMap((lang) => keys.filter((k) => !messages[lang][k]).map((k) => `${lang}.${k}`));
}

/** A string for a key built at run time (a server code), or null when there is none. */
export function messageFor(key: string, vars: Record<string, string | number> = {}): string | null {
  return key in en ? t(key as MessageKey, vars) : null;
}
