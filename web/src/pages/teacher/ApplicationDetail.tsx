import { useState } from "preact/hooks";
import { COMPETITION_DOCUMENT_KINDS, REQUIRED_COMPETITION_DOCUMENT_KINDS } from "../../../../functions/domain/documents/documentRules.ts";
import { api } from "../../api/client.ts";
import { useRubric } from "../../api/reference.ts";
import type { Application, Rubric, Vacancy } from "../../api/types.ts";
import { href, type PageProps } from "../../app/router.tsx";
import { formatDateTime, formatNumber, useLocalized, useT } from "../../i18n/index.ts";
import { Button } from "../../ui/Button.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { ErrorNotice } from "../../ui/ErrorNotice.tsx";
import { Facts } from "../../ui/Facts.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { Page } from "../../ui/Page.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { TableScroll } from "../../ui/TableScroll.tsx";
import { useAction } from "../../ui/useAction.ts";
import { useApi } from "../../ui/useApi.ts";
import { DocumentsSection, missingKinds } from "./DocumentsSection.tsx";
import { IneligibleNotice } from "./IneligibleNotice.tsx";

// Withdrawal is open until the deadline, for an application not yet judged.
const WITHDRAWABLE = ["draft", "submitted", "eligible"];

export default function ApplicationDetail({ params }: PageProps) {
  const t = useT();
  const id = encodeURIComponent(params.id ?? "");
  const application = useApi<Application>(`/applications/${id}`);
  const vacancy = useApi<Vacancy>(application.data ? `/vacancies/${encodeURIComponent(application.data.vacancyId)}` : undefined);
  const { rubric } = useRubric(vacancy.data?.rubricId);
  const [action, setAction] = useState<"submit" | "withdraw" | undefined>();
  const [running, setRunning] = useState<"submit" | "withdraw" | undefined>();
  const { error, run: runAction } = useAction();

  if (application.error) return <Page title={t("teacher:application.title")}><ErrorNotice error={application.error} onRetry={application.reload} /></Page>;
  const app = application.data;
  if (!app) return <Loading />;
  const documents = app.documents ?? [];
  const missing = missingKinds(REQUIRED_COMPETITION_DOCUMENT_KINDS, documents);
  const beforeDeadline = vacancy.data ? Date.parse(vacancy.data.closesAt) > Date.now() : false;

  const run = async (kind: "submit" | "withdraw") => {
    setAction(undefined);
    setRunning(kind);
    await runAction(() => api("POST", `/applications/${id}/${kind}`));
    setRunning(undefined);
    application.reload();
  };

  return (
    <Page title={vacancy.data ? t("teacher:application.titleOf", { title: vacancy.data.title }) : t("teacher:application.title")} actions={<StatusBadge status={app.status} />}>
      <Facts
        rows={[
          [t("teacher:application.vacancy"), <a href={href("/vacancies/:id", { id: app.vacancyId })}>{vacancy.data?.title ?? "…"}</a>],
          [t("teacher:application.created"), formatDateTime(app.createdAt)],
          [t("teacher:application.submitted"), app.submittedAt ? formatDateTime(app.submittedAt) : undefined],
          [t("teacher:application.deadline"), vacancy.data ? formatDateTime(vacancy.data.closesAt) : undefined],
        ]}
      />
      <p class="notice">{t(`teacher:application.explain.${app.status}`)}</p>
      {app.status === "ineligible" && <IneligibleNotice reason={app.reason} reasonText={app.reasonText} />}

      {app.rank !== undefined && rubric && <Scores application={app} rubric={rubric} />}

      <ErrorNotice error={error} />
      {app.status === "draft" && (
        <>
          <DocumentsSection
            ownerPath={`/applications/${id}`}
            kinds={COMPETITION_DOCUMENT_KINDS}
            required={REQUIRED_COMPETITION_DOCUMENT_KINDS}
            documents={documents}
            editable
            onChange={application.reload}
          />
          <h2>{t("teacher:application.submitTitle")}</h2>
          {missing.length > 0 ? (
            <p class="notice warn">{t("teacher:application.missing", { kinds: missing.map((kind) => t(`common:documentKind.${kind}`)).join(", ") })}</p>
          ) : (
            <p>{t("teacher:application.readyToSubmit")}</p>
          )}
        </>
      )}
      {app.status !== "draft" && <DocumentsSection ownerPath={`/applications/${id}`} kinds={COMPETITION_DOCUMENT_KINDS} required={[]} documents={documents} editable={false} onChange={application.reload} />}

      <div class="actions">
        {app.status === "draft" && (
          <Button busy={running === "submit"} disabled={missing.length > 0 || !beforeDeadline} onClick={() => setAction("submit")}>
            {t("teacher:application.submit")}
          </Button>
        )}
        {WITHDRAWABLE.includes(app.status) && beforeDeadline && (
          <Button variant="secondary" busy={running === "withdraw"} onClick={() => setAction("withdraw")}>
            {t("teacher:application.withdraw")}
          </Button>
        )}
        {app.status !== "draft" && (
          <a class="button secondary" href={href("/cases/:caseId/audit", { caseId: app.vacancyId })}>
            {t("teacher:audit.link")}
          </a>
        )}
      </div>
      <ConfirmDialog
        open={action === "submit"}
        title={t("teacher:application.confirmSubmitTitle")}
        confirmLabel={t("teacher:application.submit")}
        onConfirm={() => void run("submit")}
        onCancel={() => setAction(undefined)}
      >
        <p>{t("teacher:application.confirmSubmit")}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={action === "withdraw"}
        danger
        title={t("teacher:application.confirmWithdrawTitle")}
        confirmLabel={t("teacher:application.withdraw")}
        onConfirm={() => void run("withdraw")}
        onCancel={() => setAction(undefined)}
      >
        <p>{t("teacher:application.confirmWithdraw")}</p>
      </ConfirmDialog>
    </Page>
  );
}

/** The candidate's own result: points per criterion (the panel's mean), total, place and the cut-off. */
function Scores({ application, rubric }: { application: Application; rubric: Rubric }) {
  const t = useT();
  const localized = useLocalized();
  const points = (n: number | undefined | null) => (n === undefined || n === null ? "—" : formatNumber(n, { maximumFractionDigits: 2 }));
  return (
    <section aria-labelledby="scores-title">
      <h2 id="scores-title">{t("teacher:application.resultTitle")}</h2>
      <Facts
        rows={[
          [t("teacher:application.rank"), formatNumber(application.rank ?? 0)],
          [t("teacher:application.total"), points(application.total)],
          [t("teacher:application.cutOff"), application.cutOff === null || application.cutOff === undefined ? t("teacher:application.cutOffUnknown") : points(application.cutOff)],
        ]}
      />
      <p class="hint">{t("teacher:application.cutOffHint")}</p>
      {application.perCriterion && (
        <TableScroll label={t("teacher:application.perCriterion")}>
          <table>
            <caption class="visually-hidden">{t("teacher:application.perCriterion")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("teacher:application.criterion")}</th>
                <th scope="col" class="num">{t("teacher:application.points")}</th>
              </tr>
            </thead>
            <tbody>
              {rubric.criteria.map((criterion) => (
                <tr key={criterion.id}>
                  <td>{localized(criterion.title)}</td>
                  <td class="num">{points(application.perCriterion?.[criterion.id])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
