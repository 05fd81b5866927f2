import i18next from "i18next";
import { useEffect, useState } from "preact/hooks";
import { isLanguage, LANGUAGES, pickLanguage, type Language } from "./language.ts";

export { LANGUAGES, pickLanguage, type Language };
export const NAMESPACES = ["common", "public", "teacher", "expert", "hr", "chair"] as const;

const LOCALES: Record<Language, string> = { kk: "kk-KZ", ru: "ru-RU", en: "en-GB" };
const STORAGE_KEY = "adal.language";

// Each language's catalogues are one lazy chunk: a teacher reading Kazakh never downloads Russian.
const catalogues = import.meta.glob<{ default: Record<string, Record<string, unknown>> }>("./locales/*.ts");

async function loadCatalogues(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, "common")) return;
  const load = catalogues[`./locales/${language}.ts`];
  if (!load) return;
  const files = (await load()).default;
  for (const [path, resources] of Object.entries(files)) {
    const namespace = /\/([\w-]+)\.json$/.exec(path)?.[1];
    if (namespace) i18next.addResourceBundle(language, namespace, resources, true, true);
  }
}

function readSaved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export async function initI18n(): Promise<void> {
  const language = pickLanguage(readSaved(), navigator.languages ?? [navigator.language]);
  await i18next.init({
    lng: language,
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: "common",
    resources: {},
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadCatalogues(language);
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  const language = i18next.language;
  return isLanguage(language) ? language : "kk";
}

export async function setLanguage(language: Language): Promise<void> {
  await loadCatalogues(language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

/** Re-renders the calling component whenever the language changes. */
function useLanguageVersion(): Language {
  const [language, setState] = useState(currentLanguage());
  useEffect(() => {
    const onChange = () => setState(currentLanguage());
    i18next.on("languageChanged", onChange);
    return () => i18next.off("languageChanged", onChange);
  }, []);
  return language;
}

export type TFunction = (key: string, vars?: Record<string, unknown>) => string;

export const t: TFunction = (key, vars) => i18next.t(key, vars ?? {}) as string;

export function useT(): TFunction {
  useLanguageVersion();
  return t;
}

export function useLanguage(): { language: Language; setLanguage: (language: Language) => Promise<void> } {
  return { language: useLanguageVersion(), setLanguage };
}

/** A localised text field of the API ({ kk, ru, en }) in the current language, falling back sensibly. */
export function localized(text: Partial<Record<Language, string>> | string | undefined): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  return text[currentLanguage()] ?? text.ru ?? text.kk ?? text.en ?? "";
}

export function useLocalized(): typeof localized {
  useLanguageVersion();
  return localized;
}

function locale(): string {
  return LOCALES[currentLanguage()];
}

// Some browsers ship ICU without Kazakh names (Debian's Chromium prints "2026 M12 2"): Kazakh dates and
// numbers are then written here, in the form Kazakh ICU itself produces ("2026 ж. 2 желтоқсан").
const KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];
let kazakhIcu: boolean | undefined;
function needsKazakhFallback(): boolean {
  if (currentLanguage() !== "kk") return false;
  kazakhIcu ??= new Intl.DateTimeFormat("kk-KZ", { month: "long" }).format(new Date(2026, 11, 2)).includes("желтоқсан");
  return !kazakhIcu;
}

function kazakhDate(date: Date): string {
  return `${date.getFullYear()} ж. ${date.getDate()} ${KK_MONTHS[date.getMonth()]}`;
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (needsKazakhFallback()) return kazakhDate(date);
  return new Intl.DateTimeFormat(locale(), { dateStyle: "long" }).format(date);
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (needsKazakhFallback()) {
    const time = new Intl.DateTimeFormat("ru-RU", { hour: "2-digit", minute: "2-digit" }).format(date);
    return `${kazakhDate(date)}, ${time}`;
  }
  return new Intl.DateTimeFormat(locale(), { dateStyle: "long", timeStyle: "short" }).format(date);
}

/** Kazakh writes numbers as Russian does (12 345,5), so Russian rules stand in when Kazakh data is missing. */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(needsKazakhFallback() ? "ru-RU" : locale(), options).format(n);
}

/** "in 3 days" / "in 5 hours" for a time ahead (amount > 0). */
export function formatTimeAhead(amount: number, unit: "day" | "hour"): string {
  if (needsKazakhFallback()) return `${amount} ${unit === "day" ? "күннен" : "сағаттан"} кейін`;
  return new Intl.RelativeTimeFormat(locale(), { numeric: "always" }).format(amount, unit);
}
