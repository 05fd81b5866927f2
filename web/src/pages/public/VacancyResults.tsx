import type { Vacancy, VacancyResults as Results } from "../../api/types.ts";
import { ApiError } from "../../api/client.ts";
import { href, type PageProps } from "../../app/router.tsx";
import { formatDate, formatNumber, useT } from "../../i18n/index.ts";
import { ErrorNotice } from "../../ui/ErrorNotice.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { Page } from "../../ui/Page.tsx";
import { TableScroll } from "../../ui/TableScroll.tsx";
import { useApi } from "../../ui/useApi.ts";

export default function VacancyResults({ params }: PageProps) {
  const t = useT();
  const id = encodeURIComponent(params.id ?? "");
  const vacancy = useApi<Vacancy>(`/vacancies/${id}`);
  const results = useApi<Results>(`/vacancies/${id}/results`);
  const title = vacancy.data ? t("public:results.titleOf", { title: vacancy.data.title }) : t("public:results.title");
  const notYet = results.error instanceof ApiError && results.error.code === "results_not_available";

  return (
    <Page title={title}>
      <p>
        <a href={href("/vacancies/:id", { id: params.id ?? "" })}>{t("public:results.backToVacancy")}</a>
      </p>
      {notYet ? <p class="notice">{t("public:results.notYet")}</p> : <ErrorNotice error={results.error} onRetry={results.reload} />}
      {results.loading && <Loading />}
      {results.data && (
        <>
          <p class={results.data.status === "appointed" ? "notice ok" : "notice"}>
            {t(`public:results.outcome.${results.data.status}`)}
            {results.data.decidedAt && ` ${t("public:results.decidedOn", { date: formatDate(results.data.decidedAt) })}`}
          </p>
          <p class="hint">{t("public:results.anonymised")}</p>
          {results.data.ranking.length > 0 && (
            <TableScroll label={t("public:results.ranking")}>
              <table>
                <caption class="visually-hidden">{t("public:results.ranking")}</caption>
                <thead>
                  <tr>
                    <th scope="col" class="num">{t("public:results.rank")}</th>
                    <th scope="col">{t("public:results.candidate")}</th>
                    <th scope="col" class="num">{t("public:results.total")}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.data.ranking.map((row) => {
                    const appointed = row.candidateRef === results.data?.appointed;
                    return (
                      <tr key={row.candidateRef} class={appointed ? "highlight" : undefined}>
                        <td class="num">{formatNumber(row.rank)}</td>
                        <td>
                          {row.candidateRef}
                          {appointed && ` — ${t("public:results.appointed")}`}
                        </td>
                        <td class="num">{formatNumber(row.total, { maximumFractionDigits: 2 })}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </Page>
  );
}
