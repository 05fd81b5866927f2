import { errorCatalog, type ErrorCode } from "./errorCatalog.ts";

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

// A typed error that knows its stable code; the HTTP status and localised title come from the catalog in
// one place (toProblem), so a handler never chooses a status by hand.
export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;

  constructor(code: ErrorCode, detail?: string, errors?: FieldError[]) {
    super(detail ?? code);
    this.code = code;
    this.detail = detail;
    this.errors = errors;
  }

  get status(): number {
    return errorCatalog[this.code].status;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
