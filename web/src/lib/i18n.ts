/**
 * The workspace's UI language and strings (one file a language in messages/). The choice is remembered
 * in localStorage. Each language's strings are a chunk of their own, loaded before the first screen and
 * when another language is chosen, so that a person downloads the strings of their own language only.
 */
import { uiLanguageOf, type UiLanguage } from "../../../schema/enums";
import { format } from "../../../schema/format";
import type { MessageKey, Messages } from "./messages/en";

export type { MessageKey };

const messages: Partial<Record<UiLanguage, Messages>> = {};
const loaders: Record<UiLanguage, () => Promise<Messages>> = {
  en: () => import("./messages/en").then((m) => m.en),
  ru: () => import("./messages/ru").then((m) => m.ru),
  kk: () => import("./messages/kk").then((m) => m.kk),
};

/** Make sure the strings of `lang` are here (the first render awaits this for the remembered language). */
export async function loadUiLanguage(lang: UiLanguage = current): Promise<void> {
  messages[lang] ??= await loaders[lang]();
}
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
export async function setUiLanguage(lang: UiLanguage) {
  await loadUiLanguage(lang);
  current = lang;
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // not remembered, still switched
  }
}

/** The message `key` in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return format(messages[current]?.[key] ?? key, vars);
}

/** Every key is translated in every language (used by the unit test). */
export async function missingTranslations(): Promise<string[]> {
  await Promise.all([loadUiLanguage("en"), loadUiLanguage("ru"), loadUiLanguage("kk")]);
  const keys = Object.keys(messages.en!) as MessageKey[];
  return (["ru", "kk"] as const).flatMap((lang) => keys.filter((k) => !messages[lang]![k]).map((k) => `${lang}.${k}`));
}

/** A string for a key built at run time (a server code), or null when there is none. */
export function messageFor(key: string, vars: Record<string, string | number> = {}): string | null {
  return key in (messages[current] ?? {}) ? t(key as MessageKey, vars) : null;
}
