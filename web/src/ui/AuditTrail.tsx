import type { AuditEvent } from "../api/types.ts";
import { formatDateTime, formatNumber, useT } from "../i18n/index.ts";
import { linkStates, shortHash } from "./auditLinks.ts";
import { PagedList } from "./PagedList.tsx";
import { TableScroll } from "./TableScroll.tsx";
import { usePaged } from "./usePaged.ts";

/**
 * A case's audit trail as everyone allowed to read it sees it (the candidate, HR, an admin): the events in
 * order, each one's link to the one before it checked, and what each event recorded. Its texts stay under
 * hr:audit, where the trail was first written.
 */
export function AuditTrail({ caseId, label }: { caseId: string; label: string }) {
  const t = useT();
  const paged = usePaged<AuditEvent>(`/cases/${encodeURIComponent(caseId)}/audit`, { limit: 50 });
  const { items } = paged;
  const states = linkStates(items);
  const intact = states.every((state) => state === "linked");
  return (
    <PagedList paged={paged} empty={t("hr:audit.empty")}>
      <p class={intact ? "notice ok" : "notice error"} role="status">
        {intact ? t("hr:audit.intact", { count: items.length }) : t("hr:audit.notIntact")}
      </p>
      <TableScroll label={label}>
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">{t("hr:audit.seq")}</th>
              <th scope="col">{t("hr:audit.at")}</th>
              <th scope="col">{t("hr:audit.action")}</th>
              <th scope="col">{t("hr:audit.actor")}</th>
              <th scope="col">{t("hr:audit.hash")}</th>
              <th scope="col">{t("hr:audit.link")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((event, index) => {
              const state = states[index] ?? "linked";
              return (
                <tr key={event.seq}>
                  <td class="num">{formatNumber(event.seq)}</td>
                  <td>
                    <time dateTime={event.at} title={event.at}>
                      {formatDateTime(event.at)}
                    </time>
                  </td>
                  <td>
                    <code>{event.action}</code>
                    {event.data && Object.keys(event.data).length > 0 && (
                      <details>
                        <summary>{t("hr:audit.details")}</summary>
                        <pre>{JSON.stringify(event.data, null, 2)}</pre>
                      </details>
                    )}
                  </td>
                  <td>
                    <code>{event.actor}</code>
                  </td>
                  <td>
                    <code title={event.hash}>{shortHash(event.hash)}</code>
                  </td>
                  <td class={state === "linked" ? undefined : "field-error"}>{t(`hr:audit.${state}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </PagedList>
  );
}
