// A rule of the business was broken by the caller's input. Adapters map it to a 4xx answer; anything else
// thrown from the domain is a bug (5xx). `code` is stable and machine-readable; `message` is for people.
export class DomainError extends Error {
  readonly code: string;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string = code, details?: Record<string, unknown>) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
