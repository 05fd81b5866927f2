import { useState } from "preact/hooks";
import { AppealBody } from "../../../../functions/api/schemas/attestation.ts";
import { ATTESTATION_DOCUMENT_KINDS, requiredAttestationDocuments } from "../../../../functions/domain/documents/documentRules.ts";
import { api, newIdempotencyKey } from "../../api/client.ts";
import type { Localized, OwnerDocument } from "../../api/types.ts";
import { href, type PageProps } from "../../app/router.tsx";
import { formatDate, formatDateTime, formatNumber, useLocalized, useT } from "../../i18n/index.ts";
import { Button } from "../../ui/Button.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { ErrorNotice } from "../../ui/ErrorNotice.tsx";
import { Facts } from "../../ui/Facts.tsx";
import { Field } from "../../ui/Field.tsx";
import { useFieldErrors } from "../../ui/forms.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Page } from "../../ui/Page.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { SubmitRow } from "../../ui/SubmitRow.tsx";
import { TableScroll } from "../../ui/TableScroll.tsx";
import { useAction } from "../../ui/useAction.ts";
import { useApi } from "../../ui/useApi.ts";
import { DocumentsSection, missingKinds } from "./DocumentsSection.tsx";
import { refusalsFor, type AttestationFacts } from "./eligibility.ts";
import { IneligibleNotice } from "./IneligibleNotice.tsx";

export type AttestationView = AttestationFacts & {
  id: string;
  status: string;
  role: "teacher" | "support_specialist";
  subject?: string;
  createdAt: string;
  submittedAt?: string;
  reason?: string;
  reasonText?: Localized;
  documents?: OwnerDocument[];
  appeal?: { filedAt: string };
};

type Decision = {
  outcome: "meets" | "does_not_meet";
  grantedCategory: string;
  meanScore: number;
  threshold: number;
  panel: { memberRef: string; total: number }[];
  decidedAt: string;
  appealDeadline?: string;
};

const DECIDED = ["decided", "appealed", "final"];

export default function AttestationDetail({ params }: PageProps) {
  const t = useT();
  const localized = useLocalized();
  const id = encodeURIComponent(params.id ?? "");
  const attestation = useApi<AttestationView>(`/attestations/${id}`);
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction();

  if (attestation.error) return <Page title={t("teacher:attestation.title")}><ErrorNotice error={attestation.error} onRetry={attestation.reload} /></Page>;
  const view = attestation.data;
  if (!view) return <Loading />;
  const documents = view.documents ?? [];
  const required = requiredAttestationDocuments(view.exemption !== undefined);
  const missing = missingKinds(required, documents);
  const refusals = view.status === "draft" ? refusalsFor(view) : [];

  const submit = async () => {
    setConfirming(false);
    await run(() => api("POST", `/attestations/${id}/submit`));
    attestation.reload();
  };

  return (
    <Page title={t("teacher:attestation.cardTitle", { from: t(`common:category.${view.currentCategory}`), to: t(`common:category.${view.targetCategory}`) })} actions={<StatusBadge status={view.status} />}>
      <Facts
        rows={[
          [t("teacher:attestation.currentCategory"), t(`common:category.${view.currentCategory}`)],
          [t("teacher:attestation.targetCategory"), t(`common:category.${view.targetCategory}`)],
          [t("teacher:attestation.experienceYears"), formatNumber(view.experienceYears)],
          [t("teacher:attestation.testTitle"), view.test ? t("teacher:attestation.testResult", { score: formatNumber(view.test.score), date: formatDate(view.test.takenAt) }) : undefined],
          [t("teacher:attestation.exemption"), view.exemption ? t(`teacher:attestation.exemptions.${view.exemption.reason}`) : undefined],
          [t("teacher:application.created"), formatDateTime(view.createdAt)],
          [t("teacher:application.submitted"), view.submittedAt ? formatDateTime(view.submittedAt) : undefined],
        ]}
      />
      <p class="notice">{t(`teacher:attestation.explain.${view.status}`)}</p>
      {view.status === "ineligible" && <IneligibleNotice reason={view.reason} reasonText={view.reasonText} />}

      {view.status === "draft" && (
        <>
          {refusals.length > 0 && (
            <div class="notice warn">
              <p class="notice-title">{t("teacher:attestation.rulesSayNo")}</p>
              <ul>
                {refusals.map((refusal, index) => (
                  <li key={`${refusal.code}-${index}`}>{localized(refusal.message)}</li>
                ))}
              </ul>
              <p>{t("teacher:attestation.fileAgain")}</p>
            </div>
          )}
          <DocumentsSection ownerPath={`/attestations/${id}`} kinds={ATTESTATION_DOCUMENT_KINDS} required={required} documents={documents} editable onChange={attestation.reload} />
          <h2>{t("teacher:application.submitTitle")}</h2>
          {missing.length > 0 ? (
            <p class="notice warn">{t("teacher:application.missing", { kinds: missing.map((kind) => t(`common:documentKind.${kind}`)).join(", ") })}</p>
          ) : (
            <p>{t("teacher:attestation.readyToSubmit")}</p>
          )}
          <ErrorNotice error={error} />
          <div class="actions">
            <Button busy={busy} disabled={missing.length > 0} onClick={() => setConfirming(true)}>
              {t("teacher:attestation.submit")}
            </Button>
          </div>
          <ConfirmDialog open={confirming} title={t("teacher:attestation.confirmSubmitTitle")} confirmLabel={t("teacher:attestation.submit")} onConfirm={() => void submit()} onCancel={() => setConfirming(false)}>
            <p>{t("teacher:attestation.confirmSubmit")}</p>
          </ConfirmDialog>
        </>
      )}
      {view.status !== "draft" && <DocumentsSection ownerPath={`/attestations/${id}`} kinds={ATTESTATION_DOCUMENT_KINDS} required={[]} documents={documents} editable={false} onChange={attestation.reload} />}

      {DECIDED.includes(view.status) && <DecisionSection id={id} status={view.status} onAppealed={attestation.reload} />}

      {view.status !== "draft" && (
        <p>
          <a href={href("/cases/:caseId/audit", { caseId: view.id })}>{t("teacher:audit.link")}</a>
        </p>
      )}
    </Page>
  );
}

function DecisionSection({ id, status, onAppealed }: { id: string; status: string; onAppealed: () => void }) {
  const t = useT();
  const decision = useApi<Decision>(`/attestations/${id}/decision`);
  const [reason, setReason] = useState("");
  const [idempotencyKey] = useState(newIdempotencyKey);
  const { busy, error, run } = useAction();
  const [appealed, setAppealed] = useState(false);
  const { errors, validate, fromApi } = useFieldErrors();

  if (decision.error) return <ErrorNotice error={decision.error} onRetry={decision.reload} />;
  const d = decision.data;
  if (!d) return <Loading />;
  const windowOpen = status === "decided" && !appealed && d.appealDeadline !== undefined && Date.parse(d.appealDeadline) > Date.now();
  const score = (n: number) => formatNumber(n, { maximumFractionDigits: 2 });

  const appeal = async (event: Event) => {
    event.preventDefault();
    const body = validate(AppealBody, { reason });
    if (!body) return;
    const filed = await run(() => api("POST", `/attestations/${id}/appeal`, { body, idempotencyKey }).then(() => true), fromApi);
    if (!filed) return;
    setAppealed(true);
    onAppealed();
  };

  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t("teacher:decision.title")}</h2>
      <p class={d.outcome === "meets" ? "notice ok" : "notice error"}>
        {d.outcome === "meets" ? t("teacher:decision.meets", { category: t(`common:category.${d.grantedCategory}`) }) : t("teacher:decision.doesNotMeet", { category: t(`common:category.${d.grantedCategory}`) })}
      </p>
      <Facts
        rows={[
          [t("teacher:decision.meanScore"), score(d.meanScore)],
          [t("teacher:decision.threshold"), score(d.threshold)],
          [t("teacher:decision.decidedAt"), formatDateTime(d.decidedAt)],
          [t("teacher:decision.appealDeadline"), d.appealDeadline ? formatDateTime(d.appealDeadline) : undefined],
        ]}
      />
      {d.panel.length > 0 && (
        <TableScroll label={t("teacher:decision.panel")}>
          <table>
            <caption>{t("teacher:decision.panel")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("teacher:decision.member")}</th>
                <th scope="col" class="num">{t("teacher:decision.total")}</th>
              </tr>
            </thead>
            <tbody>
              {d.panel.map((member) => (
                <tr key={member.memberRef}>
                  <td>{member.memberRef}</td>
                  <td class="num">{score(member.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {appealed && <p class="notice ok" role="status">{t("teacher:decision.appealFiled")}</p>}
      {windowOpen && (
        <form class="form" onSubmit={appeal} noValidate>
          <h3>{t("teacher:decision.appealTitle")}</h3>
          <p class="hint">{t("teacher:decision.appealHint", { date: formatDateTime(d.appealDeadline ?? "") })}</p>
          <Field label={t("teacher:decision.appealReason")} error={errors.reason}>
            {(props) => <textarea {...props} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
          </Field>
          <SubmitRow error={error} busy={busy}>
            {t("teacher:decision.appeal")}
          </SubmitRow>
        </form>
      )}
    </section>
  );
}
