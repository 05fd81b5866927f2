import { useState } from "preact/hooks";
import { ApprovalBody } from "../../../../functions/api/schemas/competition.ts";
import { api, ApiError } from "../../api/client.ts";
import type { Vacancy } from "../../api/types.ts";
import { href } from "../../app/router.tsx";
import { formatDate, formatDateTime, formatNumber, useT } from "../../i18n/index.ts";
import { Button } from "../../ui/Button.tsx";
import { Choices } from "../../ui/Choices.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { ErrorNotice } from "../../ui/ErrorNotice.tsx";
import { Facts } from "../../ui/Facts.tsx";
import { Field } from "../../ui/Field.tsx";
import { useFieldErrors } from "../../ui/forms.ts";
import { Page } from "../../ui/Page.tsx";
import { PagedList } from "../../ui/PagedList.tsx";
import { usePaged } from "../../ui/usePaged.ts";
import { localDateToIso, toLocalDateValue } from "./dateTime.ts";

type PendingApproval = { id: string; vacancyId: string; applicationId: string; rank: number; total: number; createdAt?: string };
type Decision = { decision: "approve"; orderNumber: string; orderDate: string } | { decision: "decline"; reason: string };
type Outcome = { kind: "approved" | "declined" | "alreadyDecided" };

/**
 * The school's appointments awaiting the HR officer: approve with the order's number and date, or decline
 * with a reason (the offer then passes down the ranking). Each decision is confirmed before it is sent.
 */
export default function Approvals() {
  const t = useT();
  const approvals = usePaged<PendingApproval>("/approvals", { limit: 50 });
  const vacancies = usePaged<Vacancy>("/me/vacancies", { limit: 100 });
  const titleOf = (vacancyId: string) => vacancies.items.find((vacancy) => vacancy.id === vacancyId)?.title ?? vacancyId;
  const [pending, setPending] = useState<{ approval: PendingApproval; decision: Decision }>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [outcome, setOutcome] = useState<Outcome>();

  const send = async () => {
    if (!pending) return;
    const { approval, decision } = pending;
    setPending(undefined);
    setSending(true);
    setError(undefined);
    try {
      await api("POST", `/approvals/${encodeURIComponent(approval.id)}`, { body: decision });
      setOutcome({ kind: decision.decision === "approve" ? "approved" : "declined" });
      approvals.reload();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "already_decided") {
        setOutcome({ kind: "alreadyDecided" });
        approvals.reload();
      } else setError(caught);
    } finally {
      setSending(false);
    }
  };

  return (
    <Page title={t("hr:approvals.title")}>
      <p>{t("hr:approvals.intro")}</p>
      {outcome && (
        <p class={outcome.kind === "alreadyDecided" ? "notice warn" : "notice ok"} role="status">
          {t(`hr:approvals.${outcome.kind}`)}
        </p>
      )}
      <ErrorNotice error={error} />
      <PagedList paged={approvals} empty={t("hr:approvals.empty")}>
        <ul class="cards">
          {approvals.items.map((approval) => (
            <li key={approval.id} class="card">
              <ApprovalCard approval={approval} vacancyTitle={titleOf(approval.vacancyId)} sending={sending} onReview={(decision) => setPending({ approval, decision })} />
            </li>
          ))}
        </ul>
      </PagedList>
      <ConfirmDialog
        open={pending !== undefined}
        title={t(pending?.decision.decision === "decline" ? "hr:approvals.confirmDeclineTitle" : "hr:approvals.confirmApproveTitle")}
        confirmLabel={t("hr:approvals.confirm")}
        danger={pending?.decision.decision === "decline"}
        onConfirm={() => void send()}
        onCancel={() => setPending(undefined)}
      >
        {pending && (
          <p>
            {pending.decision.decision === "approve"
              ? t("hr:approvals.confirmApproveBody", { number: pending.decision.orderNumber, date: formatDate(localDateToIso(pending.decision.orderDate) ?? pending.decision.orderDate) })
              : t("hr:approvals.confirmDeclineBody")}
          </p>
        )}
      </ConfirmDialog>
    </Page>
  );
}

function ApprovalCard({
  approval,
  vacancyTitle,
  sending,
  onReview,
}: {
  approval: PendingApproval;
  vacancyTitle: string;
  sending: boolean;
  onReview: (decision: Decision) => void;
}) {
  const t = useT();
  const [choice, setChoice] = useState<"approve" | "decline">("approve");
  const [orderNumber, setOrderNumber] = useState("");
  const [orderDate, setOrderDate] = useState(() => toLocalDateValue(new Date()));
  const [reason, setReason] = useState("");
  const { errors, validate } = useFieldErrors();

  const review = (event: Event) => {
    event.preventDefault();
    const decision = validate(ApprovalBody, choice === "approve" ? { decision: choice, orderNumber, orderDate } : { decision: choice, reason });
    if (decision) onReview(decision);
  };

  return (
    <>
      <h2>{t("hr:approvals.heading", { vacancy: vacancyTitle, rank: approval.rank })}</h2>
      <Facts
        rows={[
          [t("hr:approvals.total"), formatNumber(approval.total)],
          [t("hr:approvals.application"), <code>{approval.applicationId}</code>],
          [t("hr:approvals.since"), approval.createdAt ? formatDateTime(approval.createdAt) : undefined],
          [t("hr:approvals.vacancy"), <a href={href("/hr/vacancies/:id", { id: approval.vacancyId })}>{vacancyTitle}</a>],
        ]}
      />
      <form class="form narrow" onSubmit={review} noValidate>
        <Choices
          legend={t("hr:approvals.decision")}
          options={(["approve", "decline"] as const).map((value) => ({ value, label: t(`hr:approvals.${value}`) }))}
          value={choice}
          onChange={setChoice}
        />
        {choice === "approve" ? (
          <>
            <Field label={t("hr:approvals.orderNumber")} hint={t("hr:approvals.orderNumberHint")} error={errors.orderNumber}>
              {(props) => <input {...props} maxLength={64} value={orderNumber} onInput={(event) => setOrderNumber(event.currentTarget.value)} />}
            </Field>
            <Field label={t("hr:approvals.orderDate")} error={errors.orderDate}>
              {(props) => <input {...props} type="date" value={orderDate} onInput={(event) => setOrderDate(event.currentTarget.value)} />}
            </Field>
          </>
        ) : (
          <Field label={t("hr:approvals.reason")} hint={t("hr:approvals.reasonHint")} error={errors.reason}>
            {(props) => <textarea {...props} maxLength={1000} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />}
          </Field>
        )}
        <div class="actions">
          <Button type="submit" variant={choice === "decline" ? "danger" : "primary"} busy={sending}>
            {t("hr:approvals.continue")}
          </Button>
        </div>
      </form>
    </>
  );
}
