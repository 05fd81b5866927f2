import type { Application, Vacancy } from "../../api/types.ts";
import { href, type PageProps } from "../../app/router.tsx";
import { useT } from "../../i18n/index.ts";
import { Page } from "../../ui/Page.tsx";
import { PagedList } from "../../ui/PagedList.tsx";
import { useApi } from "../../ui/useApi.ts";
import { usePaged } from "../../ui/usePaged.ts";
import { CaseCard } from "./CaseCard.tsx";

export default function MyApplications(_props: PageProps) {
  const t = useT();
  const paged = usePaged<Application>("/me/applications");
  return (
    <Page title={t("teacher:nav.applications")}>
      <PagedList paged={paged} empty={t("teacher:applications.empty")}>
        <ul class="cards">
          {paged.items.map((application) => (
            <CaseCard
              key={application.id}
              link={href("/applications/:id", { id: application.id })}
              title={<VacancyTitle id={application.vacancyId} />}
              status={application.status}
              createdAt={application.createdAt}
            />
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
