import type { FieldError } from "../platform/errors/appError.ts";
import type { Language } from "../platform/errors/errorCatalog.ts";
import { fieldMessage } from "../platform/errors/fieldMessages.ts";

/** A broken rule about one field, with what its message needs to say (see fieldMessages.ts). */
export interface RuleIssue {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

/** Rule issues as field errors, each message in the caller's language. */
export function ruleErrors(issues: readonly RuleIssue[], language: Language): FieldError[] {
  return issues.map(({ path, code, params }) => ({ path, code, message: fieldMessage(code, language, params) }));
}
