import { useCallback, useState } from "preact/hooks";
import * as z from "zod/mini";
import { fieldMessage } from "../../../functions/platform/errors/fieldMessages.ts";
import { ApiError } from "../api/client.ts";
import { currentLanguage } from "../i18n/index.ts";

export type FieldErrors = Record<string, string>;

/** "claims.c1" for the issue at ["claims", "c1"]; the server's "body.claims.c1" maps to the same key. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** Zod issues as localised messages per field, worded exactly as the API words them. */
export function messagesFromIssues(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const custom = issue.code === "custom" ? (issue.params as { code?: string } | undefined) : undefined;
    // An empty required text reads better as "required" than as "at least 1 character".
    const emptyText = issue.code === "too_small" && issue.origin === "string" && Number(issue.minimum) === 1;
    const code = emptyText ? "required" : (custom?.code ?? issue.code);
    const key = issuePath(issue.path);
    errors[key] ??= fieldMessage(code, currentLanguage(), { ...issue, ...(custom ?? {}) } as Record<string, unknown>);
  }
  return errors;
}

export function messagesFromApi(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of error.fields ?? []) errors[field.path.replace(/^body\.?/, "")] ??= field.message;
  return errors;
}

/**
 * Field errors of one form: `validate` runs the API's own zod schema before sending (nothing the server
 * would refuse leaves the browser), `fromApi` takes the server's field errors should it refuse anyway.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const validate = useCallback(<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> | undefined => {
    const result = z.safeParse(schema, value);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    setErrors(messagesFromIssues(result.error.issues));
    return undefined;
  }, []);
  const fromApi = useCallback((error: unknown): boolean => {
    if (!(error instanceof ApiError) || !error.fields?.length) return false;
    setErrors(messagesFromApi(error));
    return true;
  }, []);
  const clear = useCallback(() => setErrors({}), []);
  return { errors, validate, fromApi, clear, setErrors };
}
