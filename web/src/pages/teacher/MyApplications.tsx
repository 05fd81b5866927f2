import type { Application, Vacancy } from "../../api/types.ts";
import { href, type PageProps } from "../../app/router.tsx";
import { formatDate, useT } from "../../i18n/index.ts";
import { ErrorNotice } from "../../ui/ErrorNotice.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { Page } from "../../ui/Page.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { useApi } from "../../ui/useApi.ts";
import { usePaged } from "../../ui/usePaged.ts";

export default function MyApplications(_props: PageProps) {
  const t = useT();
  const { items, loading, error, hasMore, more, reload } = usePaged<Application>("/me/applications");
  return (
    <Page title={t("teacher:nav.applications")}>
      <ErrorNotice error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 && (
        <p class="notice">
          {t("teacher:applications.empty")} <a href={href("/")}>{t("teacher:applications.browse")}</a>
        </p>
      )}
      <ul class="cards">
        {items.map((application) => (
          <li key={application.id} class="card">
            <h2>
              <a href={href("/applications/:id", { id: application.id })}>
                <VacancyTitle id={application.vacancyId} />
              </a>
            </h2>
            <p class="meta">
              <StatusBadge status={application.status} />
              <span>{t("teacher:applications.createdOn", { date: formatDate(application.createdAt) })}</span>
            </p>
          </li>
        ))}
      </ul>
      {loading && <Loading />}
      {hasMore && !loading && (
        <button type="button" class="button secondary" onClick={more}>
          {t("common:action.loadMore")}
        </button>
      )}
    </Page>
  );
}

function VacancyTitle({ id }: { id: string }) {
  const t = useT();
  const { data } = useApi<Vacancy>(`/vacancies/${encodeURIComponent(id)}`);
  return <>{data?.title ?? t("public:vacancy.title")}</>;
}
