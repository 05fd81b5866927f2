import { DomainError } from "../domainError.ts";
import { divideRounded, fromHundredths, toHundredths } from "../points/hundredths.ts";
import { pointsInHundredthsFor } from "../rubrics/pointsFor.ts";
import type { Answers, Rubric } from "../rubrics/rubric.ts";
import { validateAnswers } from "../rubrics/validateAnswers.ts";
import type { AttestedCategory } from "./categories.ts";

/** DOMAIN.md §3 [product]: one more member is added when the totals spread by more than 15 % of the threshold. */
export const DEFAULT_SPREAD_SHARE = 0.15;

export type PanelSheet = { memberRef: string; answers: Answers };

export type MemberResult = {
  memberRef: string;
  /** Points as the member scored them, per criterion (rubric order). */
  scored: Record<string, number>;
  /** Points that count: a criterion below the target category's level counts 0 (the annex's rule). */
  points: Record<string, number>;
  /** Criteria this member scored below the target category's level. */
  belowLevel: string[];
  /** Sum of `points`, exact. */
  total: number;
};

export type CriterionResult = {
  /** The target category's level on this criterion, absent when the sheet shows "–" for it. */
  level?: number;
  /** Mean of the members' scored points, rounded to hundredths (halves away from zero). */
  meanScored: number;
  /** Whether the mean reaches the level (true when there is no level). */
  met: boolean;
};

export type PanelAggregate = {
  rubricId: string;
  targetCategory: AttestedCategory;
  threshold: number;
  members: MemberResult[];
  perCriterion: Record<string, CriterionResult>;
  /** Mean of the members' totals, rounded to hundredths (halves away from zero). */
  meanTotal: number;
  /** Highest member total minus the lowest, exact. */
  spread: number;
  /** spread > spreadShare × threshold: the panel disagrees and one more member should score. */
  disagreement: boolean;
  /** Criteria whose mean stays below the level; empty when all are met. */
  unmetCriteria: string[];
  /** Every criterion with a level met it AND meanTotal reaches the threshold. */
  meetsCategory: boolean;
};

export type AggregateInput = {
  rubric: Rubric;
  targetCategory: AttestedCategory;
  sheets: readonly PanelSheet[];
  /** Share of the threshold the totals may spread before the panel counts as disagreeing; default 0.15. */
  spreadShare?: number;
};

// Basis points (1/10,000): the spread limit is spreadShare × threshold, compared in integers so that the
// boundary (spread exactly 15 % of the threshold) is decided exactly, not by floating-point luck.
function toBasisPoints(share: number): number {
  const basisPoints = Math.round(share * 10_000);
  if (!Number.isFinite(share) || share < 0 || share > 1 || Math.abs(share * 10_000 - basisPoints) > 1e-6) {
    throw new DomainError("invalid_spread_share", `spreadShare must be in [0, 1] in whole basis points, got ${share}`, { spreadShare: share });
  }
  return basisPoints;
}

/**
 * Combines a panel's sealed portfolio sheets for one attestation case.
 *
 * Per member, the annex's rule: a criterion scored below the target category's level counts 0 in that
 * member's total. The panel's result is the mean of the members' totals (the product's panel replaces the
 * law's whole-commission scoring, DOMAIN.md §3).
 *
 * "All criteria met" across members is judged on the MEAN of what the members scored on each criterion,
 * the same way the total is judged on the mean: a single member cannot veto a criterion the panel as a
 * whole finds met, nor carry one the others find unmet. The zeroing above still applies per member, so a
 * member who finds a criterion unmet lowers the mean total.
 *
 * Both comparisons (criterion mean vs level, mean total vs threshold) use the means rounded to hundredths,
 * exactly as they are shown to the teacher, so that what the teacher sees is what was judged: a mean
 * shown as 68.00 meets a threshold of 68.
 */
export function aggregatePanelScores(input: AggregateInput): PanelAggregate {
  const { rubric, targetCategory, sheets } = input;
  const spreadBasisPoints = toBasisPoints(input.spreadShare ?? DEFAULT_SPREAD_SHARE);
  // Own keys only: a category id never resolves through the prototype chain ("constructor").
  const thresholds = rubric.thresholds ?? {};
  const threshold = Object.hasOwn(thresholds, targetCategory) ? thresholds[targetCategory] : undefined;
  if (rubric.kind !== "attestation" || threshold === undefined) {
    throw new DomainError("no_threshold", `rubric ${rubric.id} has no threshold for ${targetCategory}`, {
      rubricId: rubric.id,
      targetCategory,
    });
  }
  if (sheets.length === 0) {
    throw new DomainError("no_score_sheets", "at least one score sheet is needed to aggregate", { rubricId: rubric.id });
  }
  sheets.forEach((sheet, sheetIndex) => {
    const result = validateAnswers(rubric, sheet.answers, { requireAll: true });
    if (!result.ok) {
      throw new DomainError("invalid_score_sheet", `score sheet ${sheetIndex} does not fit rubric ${rubric.id}`, {
        sheetIndex,
        memberRef: sheet.memberRef,
        issues: result.issues,
      });
    }
  });

  const members: MemberResult[] = sheets.map((sheet) => ({ memberRef: sheet.memberRef, scored: {}, points: {}, belowLevel: [], total: 0 }));
  const totalsInHundredths = sheets.map(() => 0);
  const perCriterion: Record<string, CriterionResult> = {};
  const unmetCriteria: string[] = [];

  for (const criterion of rubric.criteria) {
    const levels = criterion.levels ?? {};
    const level = Object.hasOwn(levels, targetCategory) ? levels[targetCategory] : undefined;
    const levelInHundredths = level === undefined ? undefined : toHundredths(level);
    let scoredSum = 0;
    sheets.forEach((sheet, index) => {
      // Validated above with requireAll, so every sheet answers every criterion.
      const scored = pointsInHundredthsFor(criterion, sheet.answers[criterion.id] as string | number);
      const below = levelInHundredths !== undefined && scored < levelInHundredths;
      const counted = below ? 0 : scored;
      scoredSum += scored;
      totalsInHundredths[index] = (totalsInHundredths[index] ?? 0) + counted;
      const member = members[index] as MemberResult;
      member.scored[criterion.id] = fromHundredths(scored);
      member.points[criterion.id] = fromHundredths(counted);
      if (below) member.belowLevel.push(criterion.id);
    });
    const meanScoredInHundredths = divideRounded(scoredSum, sheets.length);
    const met = levelInHundredths === undefined || meanScoredInHundredths >= levelInHundredths;
    if (!met) unmetCriteria.push(criterion.id);
    perCriterion[criterion.id] =
      level === undefined ? { meanScored: fromHundredths(meanScoredInHundredths), met } : { level, meanScored: fromHundredths(meanScoredInHundredths), met };
  }

  totalsInHundredths.forEach((total, index) => {
    (members[index] as MemberResult).total = fromHundredths(total);
  });
  const sum = totalsInHundredths.reduce((a, b) => a + b, 0);
  const meanInHundredths = divideRounded(sum, sheets.length);
  const spreadInHundredths = Math.max(...totalsInHundredths) - Math.min(...totalsInHundredths);
  const thresholdInHundredths = toHundredths(threshold);
  // spread > share × threshold  ⇔  spread[hundredths] × 10,000 > share[basis points] × threshold[hundredths]
  const disagreement = spreadInHundredths * 10_000 > spreadBasisPoints * thresholdInHundredths;

  return {
    rubricId: rubric.id,
    targetCategory,
    threshold,
    members,
    perCriterion,
    meanTotal: fromHundredths(meanInHundredths),
    spread: fromHundredths(spreadInHundredths),
    disagreement,
    unmetCriteria,
    meetsCategory: unmetCriteria.length === 0 && meanInHundredths >= thresholdInHundredths,
  };
}
