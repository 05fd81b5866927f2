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
  thresholds?: Record<string, number>;
  tieBreaks?: TieBreak[];
}

/** criterionId → optionId (option criteria) or a number (numeric criteria). */
export type Answers = Record<string, string | number>;

export function isOptionCriterion(criterion: Criterion): criterion is Criterion & { options: CriterionOption[] } {
  return criterion.options !== undefined;
}
