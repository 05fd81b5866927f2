import { DomainError } from "../domainError.ts";
import { fromHundredths, toHundredths } from "../points/hundredths.ts";
import type { Criterion, Rubric } from "./rubric.ts";
import { answerIssue, validateAnswers } from "./validateAnswers.ts";

/** Points an answer earns on one criterion, in hundredths. Throws on an answer the criterion refuses. */
export function pointsInHundredthsFor(criterion: Criterion, answer: string | number): number {
  const issue = answerIssue(criterion, answer);
  if (issue !== undefined) {
    throw new DomainError("invalid_answer", `invalid answer for criterion ${criterion.id}: ${issue}`, {
      criterionId: criterion.id,
      code: issue,
    });
  }
  if (criterion.options === undefined) return toHundredths(answer as number);
  const option = criterion.options.find((candidate) => candidate.id === answer);
  // answerIssue has already guaranteed that the option exists.
  return toHundredths(option?.points ?? 0);
}

/** Points an answer earns on one criterion. */
export function pointsFor(criterion: Criterion, answer: string | number): number {
  return fromHundredths(pointsInHundredthsFor(criterion, answer));
}

/**
 * Points per criterion for a candidate's claims: a criterion left out is "no claim" and earns 0.
 * Throws DomainError("invalid_answer") when the answers do not fit the rubric.
 */
export function pointsByCriterion(rubric: Rubric, answers: Readonly<Record<string, unknown>>): Record<string, number> {
  const result = validateAnswers(rubric, answers);
  if (!result.ok) {
    throw new DomainError("invalid_answer", "answers do not fit the rubric", { issues: result.issues });
  }
  const points: Record<string, number> = {};
  for (const criterion of rubric.criteria) {
    const answer = result.answers[criterion.id];
    points[criterion.id] = answer === undefined ? 0 : pointsFor(criterion, answer);
  }
  return points;
}

