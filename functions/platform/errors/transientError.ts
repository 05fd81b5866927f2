// An AWS service that is still throttling, timing out, failing with a 5xx or dropping the connection after
// the SDK's own retries is in a passing state, not a fault of the request or of our code. The caller is told
// to retry (503 with Retry-After), which is safe: every write is conditional or transactional and every
// create is idempotent by its key, so a retried request cannot write twice.

const TRANSIENT_NAMES = new Set([
  "TimeoutError",
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "SlowDown",
  "ServiceUnavailable",
  "InternalServerError",
  "RequestTimeout",
]);

const TRANSIENT_SOCKET_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE"]);

interface ServiceErrorShape {
  name?: unknown;
  code?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

export function isTransientServiceError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code, $retryable, $metadata } = error as ServiceErrorShape;
  const status = typeof $metadata?.httpStatusCode === "number" ? $metadata.httpStatusCode : 0;
  return (
    (typeof name === "string" && TRANSIENT_NAMES.has(name)) ||
    (typeof code === "string" && TRANSIENT_SOCKET_CODES.has(code)) ||
    Boolean($retryable) ||
    status >= 500
  );
}
