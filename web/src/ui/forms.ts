import { useCallback, useState } from "preact/hooks";
import * as z from "zod/mini";
import { ApiError } from "../api/client.ts";
import { currentLanguage } from "../i18n/index.ts";
import { messagesFromApi, messagesFromIssues, type FieldErrors } from "./fieldErrors.ts";

export { type FieldErrors };

/** After the errors render, the first field that has one takes focus: keyboard and screen-reader users land on it. */
function focusFirstInvalid(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
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
    setErrors(messagesFromIssues(result.error.issues, currentLanguage(), value));
    focusFirstInvalid();
    return undefined;
  }, []);
  const fromApi = useCallback((error: unknown): boolean => {
    if (!(error instanceof ApiError) || !error.fields?.length) return false;
    setErrors(messagesFromApi(error));
    focusFirstInvalid();
    return true;
  }, []);
  const clear = useCallback(() => setErrors({}), []);
  return { errors, validate, fromApi, clear, setErrors };
}
