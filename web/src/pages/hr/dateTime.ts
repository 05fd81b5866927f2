// The HR officer types dates in their own time zone (<input type="datetime-local"> and type="date" carry no
// zone); the API keeps instants in UTC ISO 8601. These are the only conversions between the two.

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DDTHH:mm" of an instant in the browser's time zone: a datetime-local input's value. */
export function toLocalInputValue(date: Date): string {
  return `${toLocalDateValue(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "YYYY-MM-DD" of an instant in the browser's time zone: a date input's value (e.g. an order's date). */
export function toLocalDateValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The UTC ISO instant of a datetime-local value, read in the browser's time zone; undefined for anything
 * else, including a date that does not exist (31 February) rather than letting Date roll it over.
 */
export function localInputToIso(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day || date.getHours() !== hours || date.getMinutes() !== minutes) {
    // Either no such calendar date, or a local time skipped by a daylight-saving change.
    return undefined;
  }
  return date.toISOString();
}

/** DOMAIN.md §2's default application window (7 calendar days), as a suggestion the form starts with. */
export const DEFAULT_WINDOW_DAYS = 7;

/**
 * The suggested deadline: the same wall-clock time a window later, on the whole minute (the input shows
 * no seconds), counted in calendar days so a daylight-saving change does not shift the hour.
 */
export function suggestedClosesAt(now: Date, days = DEFAULT_WINDOW_DAYS): string {
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, now.getHours(), now.getMinutes());
  return toLocalInputValue(date);
}

/**
 * A date input's "YYYY-MM-DD" as the instant of that day's local midnight, for the locale's date formatter
 * (which reads an instant in the local zone). new Date("YYYY-MM-DD") would mean UTC midnight: the day
 * before, west of Greenwich.
 */
export function localDateToIso(value: string): string | undefined {
  return localInputToIso(`${value}T00:00`);
}
