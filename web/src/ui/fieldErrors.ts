// Field errors as the forms show them, free of the browser so Node tests can run them.
import type * as z from "zod/mini";
import { fieldMessage } from "../../../functions/platform/errors/fieldMessages.ts";
import type { FieldProblem } from "../api/types.ts";
import type { Language } from "../i18n/language.ts";

export type FieldErrors = Record<string, string>;

/** "claims.c1" for the issue at ["claims", "c1"]; the server's "body.claims.c1" maps to the same key. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** Zod issues as localised messages per field, worded exactly as the API words them. */
export function messagesFromIssues(issues: readonly z.core.$ZodIssue[], language: Language, value?: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const custom = issue.code === "custom" ? (issue.params as { code?: string } | undefined) : undefined;
    // A field left empty reads better as "required" than as "expected number" or "at least 1 character".
    const emptyText = issue.code === "too_small" && issue.origin === "string" && Number(issue.minimum) === 1;
    const missing = (issue.code === "invalid_type" || issue.code === "invalid_union") && valueAt(value, issue.path) === undefined;
    const code = emptyText || missing ? "required" : (custom?.code ?? issue.code);
    const key = issuePath(issue.path);
    errors[key] ??= fieldMessage(code, language, { ...issue, ...(custom ?? {}) } as Record<string, unknown>);
  }
  return errors;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function messagesFromApi(error: { fields?: readonly FieldProblem[] }): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of error.fields ?? []) errors[field.path.replace(/^body\.?/, "")] ??= field.message;
  return errors;
}
