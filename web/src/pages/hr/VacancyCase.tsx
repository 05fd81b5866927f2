import { useState } from "preact/hooks";
import { api } from "../../api/client.ts";
import type { Application, Vacancy } from "../../api/types.ts";
import { href, useLocation, type PageProps } from "../../app/router.tsx";
import { formatDateTime, formatNumber, localized, useT } from "../../i18n/index.ts";
import { Button } from "../../ui/Button.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { ErrorNotice } from "../../ui/ErrorNotice.tsx";
import { Facts } from "../../ui/Facts.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { Page } from "../../ui/Page.tsx";
import { PagedList } from "../../ui/PagedList.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { TableScroll } from "../../ui/TableScroll.tsx";
import { usePaged } from "../../ui/usePaged.ts";
import { competitionStages } from "./stages.ts";
import { isNotFound, useOwnVacancy } from "./useOwnVacancy.ts";

/** The outcomes whose anonymised ranking GET /vacancies/{id}/results publishes. */
const FINISHED = new Set(["appointed", "not_held", "no_appointment"]);

/** One vacancy of the school: its facts, publishing a draft, the stage it is at, and its applications. */
export default function VacancyCase({ params }: PageProps) {
  const t = useT();
  const id = params.id ?? "";
  const { query } = useLocation();
  const { data: vacancy, error, loading, reload } = useOwnVacancy(id);
  const [confirming, setConfirming] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [publishError, setPublishError] = useState<unknown>();
  const [published, setPublished] = useState(false);

  const publish = async () => {
    setConfirming(false);
    setPublishing(true);
    setPublishError(undefined);
    try {
      await api("POST", `/vacancies/${encodeURIComponent(id)}/publish`);
      setPublished(true);
      reload();
    } catch (caught) {
      setPublishError(caught);
    } finally {
      setPublishing(false);
    }
  };

  return (
    <Page title={vacancy?.title ?? t("hr:vacancies.title")} actions={<a href={href("/hr/vacancies")}>{t("hr:vacancy.back")}</a>}>
      {!vacancy && loading && <Loading />}
      {isNotFound(error) ? <p class="notice error">{t("hr:vacancy.notFound")}</p> : <ErrorNotice error={error} onRetry={reload} />}
      {vacancy && (
        <>
          {query.get("created") && vacancy.status === "draft" && (
            <p class="notice ok" role="status">
              {t("hr:vacancy.created")}
            </p>
          )}
          {published && (
            <p class="notice ok" role="status">
              {t("hr:vacancy.published")}
            </p>
          )}
          <VacancyFacts vacancy={vacancy} />
          {vacancy.status === "draft" && (
            <div class="actions">
              <Button busy={publishing} onClick={() => setConfirming(true)}>
                {t("hr:vacancy.publish")}
              </Button>
            </div>
          )}
          <ErrorNotice error={publishError} />
          {vacancy.kind === "teacher" && <Stages status={vacancy.status} />}
          {vacancy.status !== "draft" && (
            <>
              <Applications vacancyId={vacancy.id} />
              <ul class="meta">
                <li>
                  <a href={href("/hr/cases/:caseId/audit", { caseId: vacancy.id })}>{t("hr:vacancy.audit")}</a>
                </li>
                {FINISHED.has(vacancy.status) && (
                  <li>
                    <a href={href("/vacancies/:id/results", { id: vacancy.id })}>{t("public:vacancy.results")}</a>
                  </li>
                )}
              </ul>
            </>
          )}
          <ConfirmDialog
            open={confirming}
            title={t("hr:vacancy.publishTitle")}
            confirmLabel={t("hr:vacancy.publishConfirm")}
            onConfirm={() => void publish()}
            onCancel={() => setConfirming(false)}
          >
            <p>{t("hr:vacancy.publishBody", { date: formatDateTime(vacancy.closesAt) })}</p>
          </ConfirmDialog>
        </>
      )}
    </Page>
  );
}

function VacancyFacts({ vacancy }: { vacancy: Vacancy }) {
  const t = useT();
  return (
    <>
      <Facts
        rows={[
          [t("hr:vacancy.status"), <StatusBadge status={vacancy.status} />],
          [t("hr:vacancy.subject"), vacancy.subject],
          [t("hr:vacancy.language"), t(`common:teachingLanguage.${vacancy.language}`)],
          [t("hr:vacancy.kind"), t(`hr:kind.${vacancy.kind}`)],
          [t("hr:vacancy.hours"), formatNumber(vacancy.hoursPerWeek)],
          [t("hr:vacancy.employment"), t(`common:employment.${vacancy.employment}`)],
          [t("hr:vacancy.closesAt"), formatDateTime(vacancy.closesAt)],
          [t("hr:vacancy.createdAt"), vacancy.createdAt && formatDateTime(vacancy.createdAt)],
          [t("hr:vacancy.publishedAt"), vacancy.publishedAt && formatDateTime(vacancy.publishedAt)],
          [t("hr:vacancy.rubric"), vacancy.rubricId],
        ]}
      />
      {vacancy.description && <p class="description">{vacancy.description}</p>}
    </>
  );
}

/** Where the competition stands on its way from draft to a decision. */
function Stages({ status }: { status: string }) {
  const t = useT();
  const stages = competitionStages(status);
  return (
    <section aria-labelledby="stages-title">
      <h2 id="stages-title">{t("hr:vacancy.stages")}</h2>
      <ol>
        {stages.map((stage) => (
          <li key={stage.status} aria-current={stage.state === "current" ? "step" : undefined} class={stage.state === "current" ? "notice-title" : stage.state === "ahead" ? "hint" : undefined}>
            {t(`common:status.${stage.status}`)}
            {stage.state === "current" && ` — ${t("hr:vacancy.current")}`}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Applications({ vacancyId }: { vacancyId: string }) {
  const t = useT();
  const paged = usePaged<Application>(`/vacancies/${encodeURIComponent(vacancyId)}/applications`, { limit: 100 });
  // Ranked applications in rank order, the rest after them as the API lists them.
  const rows = [...paged.items].sort((a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY));
  return (
    <section>
      <h2>{t("hr:applications.title")}</h2>
      <p class="hint">{t("hr:applications.intro")}</p>
      <PagedList paged={paged} empty={t("hr:applications.empty")}>
        <TableScroll label={t("hr:applications.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col" class="num">{t("hr:applications.rank")}</th>
                <th scope="col">{t("hr:applications.application")}</th>
                <th scope="col">{t("hr:applications.status")}</th>
                <th scope="col" class="num">{t("hr:applications.total")}</th>
                <th scope="col">{t("hr:applications.submittedAt")}</th>
                <th scope="col">{t("hr:applications.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((application) => (
                <tr key={application.id} class={application.status === "appointed" ? "highlight" : undefined}>
                  <td class="num">{application.rank ?? t("hr:applications.none")}</td>
                  <th scope="row">
                    <code>{application.id}</code>
                  </th>
                  <td>
                    <StatusBadge status={application.status} />
                  </td>
                  <td class="num">{application.total === undefined ? t("hr:applications.none") : formatNumber(application.total)}</td>
                  <td>{application.submittedAt ? formatDateTime(application.submittedAt) : t("hr:applications.none")}</td>
                  <td>{application.reasonText ? localized(application.reasonText) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </PagedList>
    </section>
  );
}
