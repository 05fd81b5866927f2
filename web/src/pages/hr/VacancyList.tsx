import type { Vacancy } from "../../api/types.ts";
import { href } from "../../app/router.tsx";
import { formatDateTime, formatNumber, useT } from "../../i18n/index.ts";
import { Page } from "../../ui/Page.tsx";
import { PagedList } from "../../ui/PagedList.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { usePaged } from "../../ui/usePaged.ts";

/** The HR officer's school's vacancies, drafts included, newest first. */
export default function VacancyList() {
  const t = useT();
  const paged = usePaged<Vacancy>("/me/vacancies", { limit: 50 });
  return (
    <Page
      title={t("hr:vacancies.title")}
      actions={
        <a class="button" href={href("/hr/vacancies/new")}>
          {t("hr:vacancies.new")}
        </a>
      }
    >
      <p>{t("hr:vacancies.intro")}</p>
      <PagedList paged={paged} empty={t("hr:vacancies.empty")}>
        <ul class="cards">
          {paged.items.map((vacancy) => (
            <li key={vacancy.id} class="card">
              <h2>
                <a href={href("/hr/vacancies/:id", { id: vacancy.id })}>{vacancy.title}</a>
              </h2>
              <ul class="meta">
                <li>
                  <StatusBadge status={vacancy.status} />
                </li>
                <li>
                  {t("hr:vacancies.summary", {
                    subject: vacancy.subject,
                    hours: formatNumber(vacancy.hoursPerWeek),
                    employment: t(`common:employment.${vacancy.employment}`),
                  })}
                </li>
                <li>{t("hr:vacancies.closesAt", { date: formatDateTime(vacancy.closesAt) })}</li>
              </ul>
            </li>
          ))}
        </ul>
      </PagedList>
    </Page>
  );
}
