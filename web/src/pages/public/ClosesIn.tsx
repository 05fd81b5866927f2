import { formatDate, formatDateTime, formatTimeAhead, useT } from "../../i18n/index.ts";

const DAY = 24 * 60 * 60 * 1000;

/** "Applications until 2 December (in 7 days)": the date, and how long is left in words of the language. */
export function ClosesIn({ closesAt, withTime = false }: { closesAt: string; withTime?: boolean }) {
  const t = useT();
  const left = Date.parse(closesAt) - Date.now();
  const date = withTime ? formatDateTime(closesAt) : formatDate(closesAt);
  if (left <= 0) return <span>{t("public:vacancy.closedOn", { date })}</span>;
  const words = left >= DAY ? formatTimeAhead(Math.floor(left / DAY), "day") : formatTimeAhead(Math.max(1, Math.ceil(left / 3_600_000)), "hour");
  return (
    <span>
      <time dateTime={closesAt}>{t("public:vacancy.closesOn", { date })}</time> ({words})
    </span>
  );
}
