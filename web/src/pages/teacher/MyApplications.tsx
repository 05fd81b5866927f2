import type { Application, Vacancy } from "../../api/types.ts";
import { href, type PageProps } from "../../app/router.tsx";
import { formatDate, useT } from "../../i18n/index.ts";
import { Page } from "../../ui/Page.tsx";
import { PagedList } from "../../ui/PagedList.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { useApi } from "../../ui/useApi.ts";
import { usePaged } from "../../ui/usePaged.ts";

export default function MyApplications(_props: PageProps) {
  const t = useT();
  const paged = usePaged<Application>("/me/applications");
  return (
    <Page title={t("teacher:nav.applications")}>
      <PagedList paged={paged} empty={t("teacher:applications.empty")}>
        <ul class="cards">
          {paged.items.map((application) => (
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
      </PagedList>
      <p>
        <a href={href("/")}>{t("teacher:applications.browse")}</a>
      </p>
    </Page>
  );
}

function VacancyTitle({ id }: { id: string }) {
  const t = useT();
  const { data } = useApi<Vacancy>(`/vacancies/${encodeURIComponent(id)}`);
  return <>{data?.title ?? t("public:vacancy.title")}</>;
}
