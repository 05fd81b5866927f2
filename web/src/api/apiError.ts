import type { FieldProblem } from "./types.ts";

/** An API refusal as the problem+json body describes it; messages already follow the UI language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly fields?: FieldProblem[];
  readonly retryAfter?: number;

  constructor(init: { status: number; code: string; title: string; detail?: string; fields?: FieldProblem[]; retryAfter?: number }) {
    super(init.detail ?? init.title);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail ?? init.title;
    if (init.fields) this.fields = init.fields;
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter;
  }
}
