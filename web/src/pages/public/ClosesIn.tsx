import { formatDate, formatDateTime, formatTimeAhead, useT } from "../../i18n/index.ts";

const DAY = 24 * 60 * 60 * 1000;

/** Days between the two dates on the calendar, so that "in N days" agrees with the date shown beside it. */
function calendarDaysAhead(from: Date, to: Date): number {
  const midnight = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  return Math.round((midnight(to) - midnight(from)) / DAY);
}

/** "Applications until 2 December (in 7 days)": the date, and how long is left in words of the language. */
export function ClosesIn({ closesAt, withTime = false }: { closesAt: string; withTime?: boolean }) {
  const t = useT();
  const left = Date.parse(closesAt) - Date.now();
  const date = withTime ? formatDateTime(closesAt) : formatDate(closesAt);
  if (left <= 0) return <span>{t("public:vacancy.closedOn", { date })}</span>;
  const days = calendarDaysAhead(new Date(), new Date(closesAt));
  const words = days >= 1 && left >= DAY / 2 ? formatTimeAhead(days, "day") : formatTimeAhead(Math.max(1, Math.ceil(left / 3_600_000)), "hour");
  return (
    <span>
      <time dateTime={closesAt}>{t("public:vacancy.closesOn", { date })}</time> ({words})
    </span>
  );
}
