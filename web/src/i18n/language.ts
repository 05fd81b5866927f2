// The languages of the app and the choice of the first one, free of the browser so Node tests can run it.
export const LANGUAGES = ["kk", "ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly (string | null | undefined)[]).includes(value);
}

/** The saved choice, else the first of the browser's languages we speak, else Kazakh. */
export function pickLanguage(saved: string | null, preferred: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "kk";
}
