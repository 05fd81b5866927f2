import { DomainError } from "../domainError.ts";

// DOMAIN.md §3 [product]: a teacher may appeal a portfolio decision within a configurable number of working
// days (default 10). Working days are counted on Kazakhstan's calendar, not UTC's: a decision at 20:00 UTC
// is already the next day in Astana, and the teacher's deadline is a local day.

/** Kazakhstan has used a single time zone, UTC+5, since 1 March 2024. */
export const KAZAKHSTAN_UTC_OFFSET_MINUTES = 5 * 60;

export const DEFAULT_APPEAL_WORKING_DAYS = 10;

/**
 * Public holidays that fall on the same date every year ("MM-DD"): New Year (1-2 Jan), Orthodox Christmas
 * (7 Jan), International Women's Day (8 Mar), Nauryz (21-23 Mar), Unity Day (1 May), Defender of the
 * Fatherland Day (7 May), Victory Day (9 May), Capital Day (6 Jul), Constitution Day (30 Aug), Republic Day
 * (25 Oct), Independence Day (16 Dec).
 * Not modelled: Kurban ait, whose date moves with the lunar calendar, and the government's yearly transfers
 * of days off (e.g. a holiday on a weekend moved to Monday). Both can be added for a given year as full
 * dates ("YYYY-MM-DD") in `holidays`, which is data the caller may extend.
 */
export const KZ_FIXED_PUBLIC_HOLIDAYS: readonly string[] = [
  "01-01",
  "01-02",
  "01-07",
  "03-08",
  "03-21",
  "03-22",
  "03-23",
  "05-01",
  "05-07",
  "05-09",
  "07-06",
  "08-30",
  "10-25",
  "12-16",
];

export type AppealWindowOptions = {
  /** Days off besides weekends: "MM-DD" every year, or "YYYY-MM-DD" on that date only. */
  holidays?: readonly string[];
  utcOffsetMinutes?: number;
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * Whether a local calendar day is a working day. `day` is midnight UTC of that local date (a plain calendar
 * value, not an instant).
 */
function isWorkingDay(day: Date, holidays: ReadonlySet<string>): boolean {
  const weekday = day.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const monthDay = `${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  return !holidays.has(monthDay) && !holidays.has(`${day.getUTCFullYear()}-${monthDay}`);
}

/** YYYY-MM-DD of the last local day on which an appeal may be filed. */
export function lastAppealDay(
  decidedAt: Date,
  workingDays: number = DEFAULT_APPEAL_WORKING_DAYS,
  options: AppealWindowOptions = {},
): string {
  return lastDay(decidedAt, workingDays, options).toISOString().slice(0, 10);
}

function lastDay(decidedAt: Date, workingDays: number, options: AppealWindowOptions): Date {
  if (!Number.isSafeInteger(workingDays) || workingDays < 1) {
    throw new DomainError("invalid_appeal_window", `workingDays must be a positive whole number, got ${workingDays}`, { workingDays });
  }
  if (Number.isNaN(decidedAt.getTime())) throw new RangeError("decidedAt must be a valid Date");
  const offset = options.utcOffsetMinutes ?? KAZAKHSTAN_UTC_OFFSET_MINUTES;
  const holidays = new Set(options.holidays ?? KZ_FIXED_PUBLIC_HOLIDAYS);
  const local = new Date(decidedAt.getTime() + offset * MINUTE);
  // The decision day itself does not count: the period starts on the next day, as deadlines usually do.
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  let counted = 0;
  while (counted < workingDays) {
    day += DAY;
    if (isWorkingDay(new Date(day), holidays)) counted += 1;
  }
  return new Date(day);
}

/**
 * The instant the appeal window closes: the end of the `workingDays`-th working day after the decision day,
 * in local time, i.e. midnight that follows it, expressed in UTC. An appeal is in time when it is strictly
 * before this instant.
 */
export function appealDeadline(
  decidedAt: Date,
  workingDays: number = DEFAULT_APPEAL_WORKING_DAYS,
  options: AppealWindowOptions = {},
): Date {
  const offset = options.utcOffsetMinutes ?? KAZAKHSTAN_UTC_OFFSET_MINUTES;
  return new Date(lastDay(decidedAt, workingDays, options).getTime() + DAY - offset * MINUTE);
}

/** Whether an appeal filed at `at` is within the window: after the decision and before the deadline. */
export function isAppealOpen(
  decidedAt: Date,
  at: Date,
  workingDays: number = DEFAULT_APPEAL_WORKING_DAYS,
  options: AppealWindowOptions = {},
): boolean {
  return at.getTime() >= decidedAt.getTime() && at.getTime() < appealDeadline(decidedAt, workingDays, options).getTime();
}
