import type { AnswerIssue } from "../domain/rubrics/validateAnswers.ts";
import type { FieldError } from "../platform/errors/appError.ts";
import type { Language } from "../platform/errors/errorCatalog.ts";
import { fieldMessage } from "../platform/errors/fieldMessages.ts";

/** Rubric answer issues (claims or score sheets) as field errors under `prefix`, e.g. "body.claims". */
export function answerErrors(issues: readonly AnswerIssue[], language: Language, prefix: string): FieldError[] {
  return issues.map((issue) => ({ path: [prefix, ...issue.path].join("."), code: issue.code, message: fieldMessage(issue.code, language) }));
}
