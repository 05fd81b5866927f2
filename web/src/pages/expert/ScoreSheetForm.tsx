import { useMemo, useState } from "preact/hooks";
import { ScoreSheetBody } from "../../../../functions/api/schemas/competition.ts";
import type { Criterion } from "../../../../functions/domain/rubrics/rubric.ts";
import { api, ApiError } from "../../api/client.ts";
import { formatDateTime, formatNumber, useLocalized, useT } from "../../i18n/index.ts";
import { useAnswerText } from "../../ui/answerText.ts";
import { Button } from "../../ui/Button.tsx";
import { Choices } from "../../ui/Choices.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { Field } from "../../ui/Field.tsx";
import { useFieldErrors } from "../../ui/forms.ts";
import { SubmitRow } from "../../ui/SubmitRow.tsx";
import { checkSheet, clearDraft, loadDraft, parseScoreNumber, pointsOf, saveDraft, sheetBody, sheetTotal, type DraftStore, type SheetIssueCode, type SheetValues } from "./scoreSheet.ts";
import type { AssignmentDetail } from "./types.ts";

/** localStorage, or nothing when the browser refuses it (some private modes throw on access). */
function browserStore(): DraftStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const nowIso = () => new Date().toISOString();

export type SheetOutcome = "submitted" | "alreadySealed";

/**
 * The evaluation sheet of one open assignment. Every change is kept as a draft in this browser; the sheet
 * is checked with the API's own rules, then sent once, after a confirmation, and sealed.
 */
export function ScoreSheetForm({
  assignment,
  targetCategory,
  onSealed,
}: {
  assignment: AssignmentDetail;
  /** Attestation only: the category claimed, whose level each criterion is shown against. */
  targetCategory?: string | undefined;
  onSealed: (outcome: SheetOutcome) => void;
}) {
  const t = useT();
  const { rubric, id } = assignment;
  const store = useMemo(browserStore, []);
  // Read once: renewing the document links re-reads the assignment, which must not look like a restore.
  const [restored] = useState(() => (store ? loadDraft(store, id, rubric) : undefined));
  const [values, setValues] = useState<SheetValues>(restored?.values ?? {});
  const [comment, setComment] = useState(restored?.comment ?? "");
  const [draft, setDraft] = useState<{ savedAt?: string; failed?: boolean; discarded?: boolean }>(restored ? { savedAt: restored.savedAt } : {});
  const [showIssues, setShowIssues] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const { errors, validate, fromApi } = useFieldErrors();

  const persist = (next: { values: SheetValues; comment: string }) => {
    if (!store) return;
    const savedAt = nowIso();
    setDraft(saveDraft(store, id, { ...next, savedAt }) ? { savedAt } : { failed: true });
  };
  const setValue = (criterionId: string, value: string) => {
    const next = { ...values, [criterionId]: value };
    setValues(next);
    persist({ values: next, comment });
  };
  const discard = () => {
    if (store) clearDraft(store, id);
    setValues({});
    setComment("");
    setShowIssues(false);
    setDraft({ discarded: true });
  };

  const check = checkSheet(rubric, values);
  const { total, answered, count } = sheetTotal(rubric, values);
  const issues: Record<string, SheetIssueCode> = showIssues && !check.ok ? check.issues : {};
  const issueCount = Object.keys(issues).length;
  const threshold = targetCategory ? rubric.thresholds?.[targetCategory] : undefined;

  const review = (event: Event) => {
    event.preventDefault();
    setShowIssues(true);
    if (!check.ok) return;
    if (validate(ScoreSheetBody, sheetBody(check.answers, comment))) setConfirming(true);
  };
  const send = async () => {
    if (!check.ok) return;
    setConfirming(false);
    setSending(true);
    setError(undefined);
    try {
      await api("POST", `/assignments/${encodeURIComponent(id)}/score-sheet`, { body: sheetBody(check.answers, comment) });
      if (store) clearDraft(store, id);
      onSealed("submitted");
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "sheet_already_submitted") {
        // Sealed earlier (another tab, a retried request): the sheet on record stands; this draft is moot.
        if (store) clearDraft(store, id);
        onSealed("alreadySealed");
        return;
      }
      if (!fromApi(caught)) setError(caught);
    } finally {
      setSending(false);
    }
  };

  return (
    <form class="form" onSubmit={review} noValidate aria-labelledby="sheet-title">
      <h2 id="sheet-title">{t("expert:sheet.title")}</h2>
      <p>{t("expert:sheet.intro")}</p>
      <div class="notice">
        <p>{t("expert:sheet.draftNote")}</p>
        <p role="status" class={!store || draft.failed ? "notice-title" : undefined}>
          {!store || draft.failed
            ? t("expert:sheet.draftUnavailable")
            : draft.discarded
              ? t("expert:sheet.discarded")
              : draft.savedAt &&
                t(restored && draft.savedAt === restored.savedAt ? "expert:sheet.draftRestored" : "expert:sheet.draftSaved", { time: formatDateTime(draft.savedAt) })}
        </p>
        {draft.savedAt && (
          <Button variant="secondary" onClick={discard}>
            {t("expert:sheet.discardDraft")}
          </Button>
        )}
      </div>
      {rubric.criteria.map((criterion) => (
        <CriterionInput
          key={criterion.id}
          criterion={criterion}
          value={values[criterion.id] ?? ""}
          claim={assignment.claims[criterion.id]}
          targetCategory={targetCategory}
          error={issues[criterion.id] ? t(`expert:sheet.issue.${issues[criterion.id]}`) : errors[`scores.${criterion.id}`]}
          onChange={(value) => setValue(criterion.id, value)}
        />
      ))}
      <Field label={t("expert:sheet.comment")} hint={t("expert:sheet.commentHint")} error={errors.comment}>
        {(props) => (
          <textarea
            {...props}
            maxLength={2000}
            value={comment}
            onInput={(event) => {
              const next = event.currentTarget.value;
              setComment(next);
              persist({ values, comment: next });
            }}
          />
        )}
      </Field>
      <div class="notice" aria-live="polite">
        <p class="notice-title">{t("expert:sheet.total", { total: formatNumber(total) })}</p>
        <p>{t("expert:sheet.progress", { answered, count })}</p>
        {threshold !== undefined && targetCategory && (
          <p>{t("expert:sheet.threshold", { threshold: formatNumber(threshold), category: t(`common:category.${targetCategory}`) })}</p>
        )}
      </div>
      {issueCount > 0 && (
        <p class="notice error" role="alert">
          {t("expert:sheet.incomplete", { count: issueCount })}
        </p>
      )}
      <SubmitRow error={error} busy={sending}>
        {t("expert:sheet.submit")}
      </SubmitRow>
      <ConfirmDialog
        open={confirming}
        title={t("expert:sheet.confirmTitle")}
        confirmLabel={t("expert:sheet.confirm")}
        onConfirm={() => void send()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t("expert:sheet.confirmBody", { total: formatNumber(total) })}</p>
      </ConfirmDialog>
    </form>
  );
}

/** One criterion: its options (or its range) explained, the candidate's claim beside it, and its level. */
function CriterionInput({
  criterion,
  value,
  claim,
  targetCategory,
  error,
  onChange,
}: {
  criterion: Criterion;
  value: string;
  claim: string | number | undefined;
  targetCategory: string | undefined;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const text = useLocalized();
  const answerText = useAnswerText();
  const category = targetCategory ? t(`common:category.${targetCategory}`) : "";
  const level = targetCategory ? criterion.levels?.[targetCategory] : undefined;
  const answer = criterion.options ? value || undefined : parseScoreNumber(value);
  const chosen = answer === undefined ? undefined : pointsOf(criterion, answer);
  const hints = [
    claim === undefined ? t("expert:sheet.noClaim") : t("expert:sheet.claim", { value: answerText(criterion, claim) }),
    ...(targetCategory && criterion.levels
      ? [level === undefined ? t("expert:sheet.noLevel", { category }) : t("expert:sheet.level", { category, points: formatNumber(level) })]
      : []),
  ];
  const below = level !== undefined && chosen !== undefined && chosen < level;
  const hint = (
    <>
      {hints.join(" ")}
      {below && <strong class="field-error"> {t("expert:sheet.belowLevel", { category })}</strong>}
    </>
  );
  if (criterion.options) {
    return (
      <Choices
        legend={text(criterion.title)}
        hint={hint}
        error={error}
        options={criterion.options.map((option) => ({
          value: option.id,
          label: answerText(criterion, option.id),
        }))}
        value={value}
        onChange={onChange}
      />
    );
  }
  const range =
    criterion.min !== undefined && criterion.max !== undefined
      ? t(criterion.step !== undefined ? "expert:sheet.rangeStep" : "expert:sheet.range", {
          min: formatNumber(criterion.min),
          max: formatNumber(criterion.max),
          step: formatNumber(criterion.step ?? 0),
        })
      : t("expert:sheet.anyNumber");
  return (
    <Field
      label={text(criterion.title)}
      hint={
        <>
          {range} {t("expert:sheet.decimals")} {hint}
        </>
      }
      error={error}
    >
      {(props) => <input {...props} type="text" inputMode="decimal" autoComplete="off" value={value} onInput={(event) => onChange(event.currentTarget.value)} />}
    </Field>
  );
}
