import { LANGUAGES, useT } from "../i18n/index.ts";

/** The languages a school teaches in, as a select's options (the vacancy form and the vacancy list's filter). */
export function TeachingLanguageOptions() {
  const t = useT();
  return (
    <>
      {LANGUAGES.map((code) => (
        <option key={code} value={code}>
          {t(`common:teachingLanguage.${code}`)}
        </option>
      ))}
    </>
  );
}
