import { href } from "../../app/router.tsx";
import { formatDateTime, useT } from "../../i18n/index.ts";
import { Page } from "../../ui/Page.tsx";
import { PagedList } from "../../ui/PagedList.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { usePaged } from "../../ui/usePaged.ts";
import type { AssignmentSummary } from "./types.ts";

/** The expert's cases, soonest deadline first (the API's order): open ones to score, then the rest. */
export default function AssignmentList() {
  const t = useT();
  const paged = usePaged<AssignmentSummary>("/me/assignments", { limit: 50 });
  const open = paged.items.filter((item) => item.status === "open");
  const done = paged.items.filter((item) => item.status !== "open");
  return (
    <Page title={t("expert:assignments.title")}>
      <p>{t("expert:assignments.intro")}</p>
      <PagedList paged={paged} empty={t("expert:assignments.empty")}>
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
      </PagedList>
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
