// Date arithmetic shared by the attestation rules. Pure: callers pass `now`; nothing here reads the clock.

/** An instant as the API carries it (ISO 8601 string) or as code holds it. */
export type Instant = string | Date;

/** The instant, or undefined when the value is not a readable date. */
export function parseInstant(value: Instant): Date | undefined {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The same UTC wall-clock time `years` calendar years later. A 29 February that does not exist in the
 * target year becomes 28 February: "valid for one year" must never stretch into March, because that would
 * grant a day the rule does not.
 */
export function addYearsUtc(instant: Date, years: number): Date {
  const year = instant.getUTCFullYear() + years;
  const month = instant.getUTCMonth();
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(instant.getTime());
  result.setUTCFullYear(year, month, Math.min(instant.getUTCDate(), lastDayOfMonth));
  return result;
}

/** YYYY-MM-DD of the instant in UTC, for messages. */
export function isoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function assertValidNow(now: Date): void {
  // A broken clock value is a bug in the caller, not a rule the user broke.
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError("now must be a valid Date");
}
