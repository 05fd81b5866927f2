import type { Criterion } from "../../../functions/domain/rubrics/rubric.ts";
import { formatNumber, useLocalized, useT } from "../i18n/index.ts";

/** How an answer reads on the page: an option as its label and points, a number in the locale's format. */
export function useAnswerText(): (criterion: Criterion, answer: string | number) => string {
  const t = useT();
  const text = useLocalized();
  return (criterion, answer) => {
    if (typeof answer === "number") return formatNumber(answer);
    const option = criterion.options?.find((candidate) => candidate.id === answer);
    return option ? t("expert:sheet.optionLabel", { label: text(option.label), points: formatNumber(option.points) }) : answer;
  };
}
