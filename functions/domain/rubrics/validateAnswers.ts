import { isWholeHundredths, toHundredths } from "../points/hundredths.ts";
import type { Answers, Criterion, Rubric } from "./rubric.ts";

export type AnswerIssueCode =
  | "unknown_criterion"
  | "unknown_option"
  | "out_of_range"
  | "not_a_step"
  | "wrong_kind"
  | "missing";

export type AnswerIssue = { path: string[]; code: AnswerIssueCode; criterionId: string };

export type ValidateAnswersResult = { ok: true; answers: Answers } | { ok: false; issues: AnswerIssue[] };

export type ValidateAnswersOptions = {
  /**
   * A candidate's claims may leave a criterion out (no claim, 0 points); an expert's score sheet must
   * answer every criterion, because a silent gap would be read as 0 and nobody could tell it from a
   * deliberate 0.
   */
  requireAll?: boolean;
};

/** Why one value does not fit one criterion, or undefined when it fits. Absence is not judged here. */
export function answerIssue(criterion: Criterion, value: unknown): AnswerIssueCode | undefined {
  if (criterion.options !== undefined) {
    if (typeof value !== "string") return "wrong_kind";
    return criterion.options.some((option) => option.id === value) ? undefined : "unknown_option";
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return "wrong_kind";
  if (criterion.min !== undefined && value < criterion.min) return "out_of_range";
  if (criterion.max !== undefined && value > criterion.max) return "out_of_range";
  // Without an explicit step a number still has to be whole hundredths: finer values would be rounded
  // silently by the tally, so they are refused here instead.
  if (!isWholeHundredths(value)) return "not_a_step";
  if (criterion.step !== undefined) {
    const offset = toHundredths(value) - toHundredths(criterion.min ?? 0);
    if (offset % toHundredths(criterion.step) !== 0) return "not_a_step";
  }
  return undefined;
}

export function validateAnswers(
  rubric: Rubric,
  answers: Readonly<Record<string, unknown>>,
  options: ValidateAnswersOptions = {},
): ValidateAnswersResult {
  const issues: AnswerIssue[] = [];
  const criteria = new Map(rubric.criteria.map((criterion) => [criterion.id, criterion]));
  const accepted: Answers = {};

  // Own keys only: a key such as "constructor" or "__proto__" must be reported, never resolved through
  // the prototype chain.
  for (const key of Object.keys(answers)) {
    if (!criteria.has(key)) issues.push({ path: [key], code: "unknown_criterion", criterionId: key });
  }
  for (const criterion of rubric.criteria) {
    const value = Object.hasOwn(answers, criterion.id) ? answers[criterion.id] : undefined;
    if (value === undefined) {
      if (options.requireAll) issues.push({ path: [criterion.id], code: "missing", criterionId: criterion.id });
      continue;
    }
    const code = answerIssue(criterion, value);
    if (code !== undefined) issues.push({ path: [criterion.id], code, criterionId: criterion.id });
    else accepted[criterion.id] = value as string | number;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers: accepted };
}
