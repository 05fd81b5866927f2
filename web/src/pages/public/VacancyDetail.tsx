import { useRubric, useSchools } from "../../api/reference.ts";
import type { Application, Page as ListPage, Vacancy } from "../../api/types.ts";
import { href, type PageProps } from "../../app/router.tsx";
import { useSession } from "../../auth/session.ts";
import { formatNumber, useT } from "../../i18n/index.ts";
import { ErrorNotice } from "../../ui/ErrorNotice.tsx";
import { Facts } from "../../ui/Facts.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { Page } from "../../ui/Page.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { useApi } from "../../ui/useApi.ts";
import { ClosesIn } from "./ClosesIn.tsx";
import { RubricView } from "./RubricView.tsx";

const DECIDED = ["appointed", "not_held", "no_appointment", "no_eligible_panel"];

export default function VacancyDetail({ params }: PageProps) {
  const t = useT();
  const { user } = useSession();
  const { data: vacancy, error, reload } = useApi<Vacancy>(`/vacancies/${encodeURIComponent(params.id ?? "")}`);
  const { byId } = useSchools();
  const { rubric, error: rubricError } = useRubric(vacancy?.rubricId);
  const isCandidate = user?.roles.includes("candidate") ?? false;
  // A candidate who already applied is taken to that application instead of a second one (the API refuses it).
  const mine = useApi<ListPage<Application>>(isCandidate ? "/me/applications" : undefined, { limit: 100 });
  const existing = mine.data?.items.find((application) => application.vacancyId === params.id);

  if (error) return <Page title={t("public:vacancy.title")}><ErrorNotice error={error} onRetry={reload} /></Page>;
  if (!vacancy) return <Loading />;
  const school = byId(vacancy.schoolId);
  const open = vacancy.status === "published" && Date.parse(vacancy.closesAt) > Date.now();

  return (
    <Page title={vacancy.title} actions={<StatusBadge status={vacancy.status} />}>
      <Facts
        rows={[
          [t("public:vacancy.school"), school ? `${school.name} (${school.district}, ${school.region})` : "…"],
          [t("public:vacancy.subject"), vacancy.subject],
          [t("public:vacancy.language"), t(`common:teachingLanguage.${vacancy.language}`)],
          [t("public:vacancy.kind"), t(`common:vacancyKind.${vacancy.kind}`)],
          [t("public:vacancy.load"), t("public:vacancy.hours", { hours: formatNumber(vacancy.hoursPerWeek) })],
          [t("public:vacancy.employment"), t(`common:employment.${vacancy.employment}`)],
          [t("public:vacancy.deadline"), <ClosesIn closesAt={vacancy.closesAt} withTime />],
        ]}
      />
      {vacancy.description && <p class="description">{vacancy.description}</p>}

      <div class="actions">
        {existing ? (
          <a class="button" href={href("/applications/:id", { id: existing.id })}>
            {t("public:vacancy.openMyApplication")}
          </a>
        ) : (
          open &&
          (!user || isCandidate) && (
            <a class="button" href={href("/vacancies/:id/apply", { id: vacancy.id })}>
              {t("public:vacancy.apply")}
            </a>
          )
        )}
        {DECIDED.includes(vacancy.status) && (
          <a class="button secondary" href={href("/vacancies/:id/results", { id: vacancy.id })}>
            {t("public:vacancy.results")}
          </a>
        )}
      </div>
      {open && !user && <p class="hint">{t("public:vacancy.signInToApply")}</p>}

      <ErrorNotice error={rubricError} />
      {rubric ? <RubricView rubric={rubric} /> : !rubricError && <Loading />}
    </Page>
  );
}
