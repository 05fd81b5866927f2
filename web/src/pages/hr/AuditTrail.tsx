import { href, type PageProps } from "../../app/router.tsx";
import { formatDateTime, useT } from "../../i18n/index.ts";
import { Page } from "../../ui/Page.tsx";
import { PagedList } from "../../ui/PagedList.tsx";
import { TableScroll } from "../../ui/TableScroll.tsx";
import { usePaged } from "../../ui/usePaged.ts";
import { linkStates, shortHash, type AuditItem } from "./auditTrail.ts";

/** A competition's audit trail, in order, with each event's link to the one before it checked. */
export default function AuditTrail({ params }: PageProps) {
  const t = useT();
  const caseId = params.caseId ?? "";
  const paged = usePaged<AuditItem>(`/cases/${encodeURIComponent(caseId)}/audit`, { limit: 50 });
  const { items } = paged;
  const states = linkStates(items);
  const intact = states.every((state) => state === "linked");
  return (
    <Page title={t("hr:audit.title")} actions={<a href={href("/hr/vacancies/:id", { id: caseId })}>{t("hr:audit.back")}</a>}>
      <p>{t("hr:audit.case", { id: caseId })}</p>
      <p class="hint">{t("hr:audit.intro")}</p>
      <PagedList paged={paged} empty={t("hr:audit.empty")}>
        <p class={intact ? "notice ok" : "notice error"} role="status">
          {intact ? t("hr:audit.intact", { count: items.length }) : t("hr:audit.notIntact")}
        </p>
        <TableScroll label={t("hr:audit.title")}>
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
              {items.map((item, index) => {
                const state = states[index] ?? "linked";
                return (
                  <tr key={item.seq}>
                    <td class="num">{item.seq}</td>
                    <td>
                      <time dateTime={item.at} title={item.at}>
                        {formatDateTime(item.at)}
                      </time>
                    </td>
                    <td>
                      <code>{item.action}</code>
                      {item.data && Object.keys(item.data).length > 0 && (
                        <details>
                          <summary>{t("hr:audit.details")}</summary>
                          <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{JSON.stringify(item.data, null, 2)}</pre>
                        </details>
                      )}
                    </td>
                    <td>
                      <code style={{ overflowWrap: "anywhere" }}>{item.actor}</code>
                    </td>
                    <td>
                      <code title={item.hash}>{shortHash(item.hash)}</code>
                    </td>
                    <td class={state === "linked" ? undefined : "field-error"}>{t(`hr:audit.${state}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </PagedList>
    </Page>
  );
}
