import { href } from "../../app/router.tsx";
import { formatDateTime, useT } from "../../i18n/index.ts";
import { Button } from "../../ui/Button.tsx";
import { ErrorNotice } from "../../ui/ErrorNotice.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { Page } from "../../ui/Page.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { usePaged } from "../../ui/usePaged.ts";
import type { AssignmentSummary } from "./types.ts";

/** The expert's cases, soonest deadline first (the API's order): open ones to score, then the rest. */
export default function AssignmentList() {
  const t = useT();
  const { items, loading, error, hasMore, more, reload } = usePaged<AssignmentSummary>("/me/assignments", { limit: 50 });
  const open = items.filter((item) => item.status === "open");
  const done = items.filter((item) => item.status !== "open");
  return (
    <Page title={t("expert:assignments.title")}>
      <p>{t("expert:assignments.intro")}</p>
      <ErrorNotice error={error} onRetry={reload} />
      {loading && items.length === 0 && <Loading />}
      {!loading && !error && items.length === 0 && <p>{t("expert:assignments.empty")}</p>}
      {open.length > 0 && (
        <>
          <h2>{t("expert:assignments.toScore")}</h2>
          <AssignmentCards items={open} />
        </>
      )}
      {done.length > 0 && (
        <>
          <h2>{t("expert:assignments.done")}</h2>
          <p class="hint">{t("expert:assignments.expiredNote")}</p>
          <AssignmentCards items={done} />
        </>
      )}
      {hasMore && (
        <p>
          <Button variant="secondary" busy={loading} onClick={more}>
            {t("common:action.loadMore")}
          </Button>
        </p>
      )}
    </Page>
  );
}

function AssignmentCards({ items }: { items: AssignmentSummary[] }) {
  const t = useT();
  const now = Date.now();
  return (
    <ul class="cards">
      {items.map((item) => {
        const overdue = item.status === "open" && Date.parse(item.dueAt) < now;
        const label = t("expert:assignments.case", { ref: item.id });
        return (
          <li key={item.id} class="card">
            <h3>
              {/* An expired assignment is no longer the expert's to open (the API answers 404). */}
              {item.status === "expired" ? label : <a href={href("/expert/assignments/:id", { id: item.id })}>{label}</a>}
            </h3>
            <ul class="meta">
              <li>{t(`expert:kind.${item.caseKind}`)}</li>
              <li>
                <StatusBadge status={item.status} />
              </li>
              <li class={overdue ? "field-error" : undefined}>
                {t(overdue ? "expert:assignments.overdue" : "expert:assignments.due", { date: formatDateTime(item.dueAt) })}
              </li>
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
