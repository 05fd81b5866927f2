import { useEffect, useState } from "preact/hooks";
import { href, type PageProps } from "../../app/router.tsx";
import { formatDate, formatDateTime, formatNumber, localized, useT } from "../../i18n/index.ts";
import { ErrorNotice } from "../../ui/ErrorNotice.tsx";
import { Facts } from "../../ui/Facts.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { Page } from "../../ui/Page.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { useApi } from "../../ui/useApi.ts";
import { DocumentsPanel } from "./DocumentsPanel.tsx";
import { sheetTotal, valuesFromAnswers } from "./scoreSheet.ts";
import { ScoreSheetForm, type SheetOutcome } from "./ScoreSheetForm.tsx";
import { SealedSheetView } from "./SealedSheetView.tsx";
import type { AssignmentDetail, AttestationFacts } from "./types.ts";

/** One assigned case: what it is, its documents, and the evaluation sheet (to fill, or as sealed). */
export default function AssignmentCase({ params }: PageProps) {
  const t = useT();
  const id = params.id ?? "";
  const assignment = useApi<AssignmentDetail>(`/assignments/${encodeURIComponent(id)}`);
  const data = assignment.data;
  const attestation = useApi<AttestationFacts>(data?.caseKind === "attestation" ? `/attestations/${encodeURIComponent(data.caseId)}` : undefined);
  // When the links in hand were issued: every read of the assignment issues new ones.
  const [issuedAt, setIssuedAt] = useState(Date.now());
  useEffect(() => setIssuedAt(Date.now()), [data]);
  const [outcome, setOutcome] = useState<SheetOutcome>();

  const sealed = (result: SheetOutcome) => {
    setOutcome(result);
    assignment.reload();
  };

  return (
    <Page
      title={data ? t(`expert:kind.${data.caseKind}`) : t("expert:assignments.title")}
      actions={<a href={href("/expert/assignments")}>{t("expert:case.back")}</a>}
    >
      {!data && assignment.loading && <Loading />}
      <ErrorNotice error={assignment.error} onRetry={assignment.reload} />
      {outcome && (
        <p class={outcome === "submitted" ? "notice ok" : "notice warn"} role="status">
          {t(outcome === "submitted" ? "expert:sheet.submitted" : "expert:sheet.alreadySealed")}
        </p>
      )}
      {data && (
        <>
          <Facts
            rows={[
              [t("expert:case.ref"), <code>{data.id}</code>],
              [t("expert:case.status"), <StatusBadge status={data.status} />],
              [t("expert:case.due"), formatDateTime(data.dueAt)],
            ]}
          />
          <p class="notice">{t("expert:case.blind")}</p>
          {attestation.data && <AttestationFactsView facts={attestation.data} />}
          <DocumentsPanel documents={data.documents} issuedAt={issuedAt} renewing={assignment.loading} onRenew={assignment.reload} />
          <ClaimedTotal assignment={data} />
          {data.scoreSheet ? (
            <SealedSheetView rubric={data.rubric} sheet={data.scoreSheet} />
          ) : (
            data.status === "open" && <ScoreSheetForm assignment={data} targetCategory={attestation.data?.targetCategory} onSealed={sealed} />
          )}
          <p class="hint">{t("expert:sheet.source", { source: `${localized(data.rubric.title)} — ${data.rubric.source.title}` })}</p>
        </>
      )}
    </Page>
  );
}

function ClaimedTotal({ assignment }: { assignment: AssignmentDetail }) {
  const t = useT();
  if (Object.keys(assignment.claims).length === 0) return null;
  const { total } = sheetTotal(assignment.rubric, valuesFromAnswers(assignment.claims));
  return <p>{t("expert:sheet.claimedTotal", { total: formatNumber(total) })}</p>;
}

function AttestationFactsView({ facts }: { facts: AttestationFacts }) {
  const t = useT();
  return (
    <section aria-labelledby="facts-title">
      <h2 id="facts-title">{t("expert:case.facts.title")}</h2>
      <Facts
        rows={[
          [t("expert:case.facts.targetCategory"), t(`common:category.${facts.targetCategory}`)],
          [t("expert:case.facts.currentCategory"), t(`common:category.${facts.currentCategory}`)],
          [t("expert:case.facts.experienceYears"), formatNumber(facts.experienceYears)],
          [
            t("expert:case.facts.test"),
            facts.test
              ? t("expert:case.facts.testScore", { score: facts.test.score, date: formatDate(facts.test.takenAt) })
              : t(facts.exemption ? "expert:case.facts.exempt" : "expert:case.facts.none"),
          ],
        ]}
      />
    </section>
  );
}
