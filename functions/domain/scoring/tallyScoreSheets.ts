import { DomainError } from "../domainError.ts";
import { divideRounded, fromHundredths } from "../points/hundredths.ts";
import { pointsInHundredthsFor } from "../rubrics/pointsFor.ts";
import type { Answers, Rubric } from "../rubrics/rubric.ts";
import { validateAnswers } from "../rubrics/validateAnswers.ts";

export type Tally = {
  /** Mean points of the sheets on each criterion, rounded to 2 decimals (keys in rubric order). */
  perCriterion: Record<string, number>;
  /** Mean of the sheets' totals, rounded to 2 decimals. */
  total: number;
  /** Each sheet's own total, exact (the sum of whole hundredths). */
  sheetTotals: number[];
};

/**
 * Combines the panel's sealed score sheets into one result: the mean of the sheets on each criterion.
 *
 * Rounding (documented because candidates see these numbers and may contest them): every point value is
 * a whole number of hundredths, so the per-criterion sums are exact integers. Each mean is rounded once,
 * to the nearest hundredth, halves away from zero. `total` is the exact sum of the unrounded means (which
 * equals the mean of the sheet totals) rounded the same way; it is not the sum of the rounded
 * `perCriterion` values, which may differ from it by a few hundredths.
 */
export function tallyScoreSheets(rubric: Rubric, sheets: readonly Answers[]): Tally {
  if (sheets.length === 0) {
    throw new DomainError("no_score_sheets", "at least one score sheet is needed to tally", { rubricId: rubric.id });
  }
  sheets.forEach((sheet, sheetIndex) => {
    const result = validateAnswers(rubric, sheet, { requireAll: true });
    if (!result.ok) {
      throw new DomainError("invalid_score_sheet", `score sheet ${sheetIndex} does not fit rubric ${rubric.id}`, {
        sheetIndex,
        issues: result.issues,
      });
    }
  });

  const sheetTotalsInHundredths = sheets.map(() => 0);
  const perCriterion: Record<string, number> = {};
  let grandSum = 0;
  for (const criterion of rubric.criteria) {
    let sum = 0;
    sheets.forEach((sheet, sheetIndex) => {
      // Validated above with requireAll, so every sheet answers every criterion.
      const points = pointsInHundredthsFor(criterion, sheet[criterion.id] as string | number);
      sum += points;
      sheetTotalsInHundredths[sheetIndex] = (sheetTotalsInHundredths[sheetIndex] ?? 0) + points;
    });
    perCriterion[criterion.id] = fromHundredths(divideRounded(sum, sheets.length));
    grandSum += sum;
  }
  return {
    perCriterion,
    total: fromHundredths(divideRounded(grandSum, sheets.length)),
    sheetTotals: sheetTotalsInHundredths.map(fromHundredths),
  };
}
