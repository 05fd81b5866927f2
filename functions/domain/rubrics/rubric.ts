// A rubric is versioned data: a competition or attestation case pins the rubric id it was opened under,
// so publishing a new version never rewrites an earlier decision. A rubric id therefore names one
// immutable version ("competition-teacher-v1"); a change means a new id.

export type Language = "kk" | "ru" | "en";

export type LocalizedText = { kk: string; ru: string; en: string };

export type CriterionOption = { id: string; label: LocalizedText; points: number };

/**
 * Scored either by choosing exactly one option (when `options` is present) or by a number in
 * [min, max] that is a multiple of `step` counted from `min` (when it has no options).
 */
export interface Criterion {
  id: string;
  title: LocalizedText;
  options?: CriterionOption[];
  min?: number;
  max?: number;
  step?: number;
  /**
   * Attestation only: per category id, the minimum points on this criterion that meet that category.
   * The attestation evaluation sheet scores a criterion that stays below the claimed category's level as 0,
   * and a portfolio meets a category only when every criterion with a level for it reaches that level.
   * A category missing here sets no minimum (the sheet shows "–"), and the criterion then scores as given.
   */
  levels?: Record<string, number>;
  /**
   * Attestation only: the higher value some columns of the source show in parentheses next to the level,
   * e.g. "4 (5)". Kept as data because the parenthesised threshold (see Rubric.alternativeThresholds) is
   * their sum; scoring itself uses `levels` and the criterion's own range.
   */
  parenthesisedLevels?: Record<string, number>;
}

/** Higher points on the criterion rank first; or earlier submission ranks first. */
export type TieBreak = { criterionId: string } | { by: "submittedAt" };

export type RubricKind = "competition" | "attestation";

export interface RubricSource {
  title: string;
  reference: string;
  url?: string;
  note?: string;
}

export interface Rubric {
  id: string;
  version: string;
  kind: RubricKind;
  title: LocalizedText;
  /** false until the values were checked against the official text of `source`. */
  verified: boolean;
  source: RubricSource;
  criteria: Criterion[];
  /** Attestation: per category id, the total a portfolio must reach (the mean of the panel's totals). */
  thresholds?: Record<string, number>;
  /**
   * Attestation: per category id, the total the source shows in parentheses next to the threshold ("133 (137)"):
   * the sum of the levels when `parenthesisedLevels` are counted instead. Informative; decisions use `thresholds`.
   */
  alternativeThresholds?: Record<string, number>;
  /** Attestation: the staff roles this sheet is for (e.g. "teacher", "psychologist"). */
  roles?: string[];
  tieBreaks?: TieBreak[];
}

/** criterionId → optionId (option criteria) or a number (numeric criteria). */
export type Answers = Record<string, string | number>;

export function isOptionCriterion(criterion: Criterion): criterion is Criterion & { options: CriterionOption[] } {
  return criterion.options !== undefined;
}
