import type { AuditEvent } from "../../api/types.ts";
import type { PageProps } from "../../app/router.tsx";
import { formatDateTime, formatNumber, useT } from "../../i18n/index.ts";
import { Page } from "../../ui/Page.tsx";
import { PagedList } from "../../ui/PagedList.tsx";
import { TableScroll } from "../../ui/TableScroll.tsx";
import { usePaged } from "../../ui/usePaged.ts";

/** A case's audit trail: every event in order, each chained to the previous one by its hash. */
export default function CaseAudit({ params }: PageProps) {
  const t = useT();
  const paged = usePaged<AuditEvent>(`/cases/${encodeURIComponent(params.caseId ?? "")}/audit`, { limit: 100 });
  return (
    <Page title={t("teacher:audit.title")}>
      <p class="hint">{t("teacher:audit.intro")}</p>
      <PagedList paged={paged} empty={t("teacher:audit.empty")}>
        <TableScroll label={t("teacher:audit.title")}>
          <table>
            <caption class="visually-hidden">{t("teacher:audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">{t("teacher:audit.seq")}</th>
                <th scope="col">{t("teacher:audit.at")}</th>
                <th scope="col">{t("teacher:audit.action")}</th>
                <th scope="col">{t("teacher:audit.actor")}</th>
                <th scope="col">{t("teacher:audit.hash")}</th>
              </tr>
            </thead>
            <tbody>
              {paged.items.map((event) => (
                <tr key={event.seq}>
                  <td class="num">{formatNumber(event.seq)}</td>
                  <td>{formatDateTime(event.at)}</td>
                  <td>
                    <code>{event.action}</code>
                  </td>
                  <td>{event.actor}</td>
                  <td>
                    <code title={event.hash}>{event.hash.slice(0, 12)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </PagedList>
    </Page>
  );
}
