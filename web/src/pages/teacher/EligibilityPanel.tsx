import { useLocalized, useT } from "../../i18n/index.ts";
import type { AttestationFacts } from "./eligibility.ts";
import { verdictsByCategory } from "./eligibility.ts";

/** For each category: may the teacher aim for it with what they entered, and if not, which rule says no. */
export function EligibilityPanel({ facts, selected }: { facts: Omit<AttestationFacts, "targetCategory">; selected?: string }) {
  const t = useT();
  const localized = useLocalized();
  const verdicts = verdictsByCategory(facts);
  return (
    <section class="eligibility" aria-labelledby="eligibility-title" aria-live="polite">
      <h2 id="eligibility-title">{t("teacher:eligibility.title")}</h2>
      <p class="hint">{t("teacher:eligibility.intro")}</p>
      <ul class="cards">
        {verdicts.map(({ category, refusals, cappedAt }) => (
          <li key={category} class={`card ${refusals.length === 0 ? "eligible" : "not-eligible"}${category === selected ? " selected" : ""}`}>
            <h3>
              {t(`common:category.${category}`)}: {refusals.length === 0 ? t("teacher:eligibility.may") : t("teacher:eligibility.mayNot")}
            </h3>
            {cappedAt && <p>{t("teacher:eligibility.capped", { category: t(`common:category.${cappedAt}`) })}</p>}
            {refusals.length > 0 && (
              <ul>
                {refusals.map((refusal, index) => (
                  <li key={`${refusal.code}-${index}`}>{localized(refusal.message)}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
