import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type * as z from "zod/mini";
import { AppError, type FieldError } from "../errors/appError.ts";
import { errorCatalog, type ErrorCode, type Language } from "../errors/errorCatalog.ts";
import { fieldMessage } from "../errors/fieldMessages.ts";

// The one place where errors become HTTP: RFC 9457 problem+json with the stable code and a title in
// the caller's language.
export function problemResponse(error: AppError, language: Language): APIGatewayProxyStructuredResultV2 {
  const entry = errorCatalog[error.code];
  const body = {
    type: `https://adal.kz/problems/${error.code.replaceAll("_", "-")}`,
    title: entry.title[language],
    status: entry.status,
    code: error.code,
    detail: error.detail ?? entry.title[language],
    ...(error.errors ? { errors: error.errors } : {}),
  };
  return {
    statusCode: entry.status,
    headers: {
      "content-type": "application/problem+json",
      "content-language": language,
      // A 503 is temporary by definition: tell clients when to retry (creates are idempotent by key).
      ...(entry.status === 503 ? { "retry-after": "1" } : {}),
    },
    body: JSON.stringify(body),
  };
}

export function problemFor(code: ErrorCode, language: Language): APIGatewayProxyStructuredResultV2 {
  return problemResponse(new AppError(code), language);
}

function pathOf(segments: readonly PropertyKey[], prefix: string): string {
  return [prefix, ...segments.map(String)].filter(Boolean).join(".");
}

/** Turns zod issues into field errors whose messages follow the caller's language. */
export function fieldErrorsFromZod(issues: readonly z.core.$ZodIssue[], language: Language, prefix: string): FieldError[] {
  return issues.map((issue) => {
    const custom = issue.code === "custom" ? (issue.params as { code?: string } | undefined) : undefined;
    const code = custom?.code ?? issue.code;
    return {
      path: pathOf(issue.path, prefix),
      code,
      message: fieldMessage(code, language, { ...issue, ...(custom ?? {}) } as Record<string, unknown>),
    };
  });
}
