import { useState } from "preact/hooks";
import { DeclareConflictBody } from "../../../../functions/api/schemas/attestation.ts";
import { api, newIdempotencyKey } from "../../api/client.ts";
import { useSchools } from "../../api/reference.ts";
import { formatDateTime, useT } from "../../i18n/index.ts";
import { Button } from "../../ui/Button.tsx";
import { Choices } from "../../ui/Choices.tsx";
import { ErrorNotice } from "../../ui/ErrorNotice.tsx";
import { Field } from "../../ui/Field.tsx";
import { useFieldErrors } from "../../ui/forms.ts";
import { Page } from "../../ui/Page.tsx";
import { SubmitRow } from "../../ui/SubmitRow.tsx";

type Target = "person" | "school";

/** An expert declares a person or a school they must not score; later draws leave them off those cases. */
export default function DeclareConflict() {
  const t = useT();
  const { schools, error: schoolsError } = useSchools();
  const [target, setTarget] = useState<Target>("school");
  const [userId, setUserId] = useState("");
  const [schoolId, setSchoolId] = useState("");
  const [reason, setReason] = useState("");
  // One key per declaration: a retried click after a lost answer declares nothing twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [declared, setDeclared] = useState<{ createdAt: string }>();
  const { errors, validate, fromApi, clear, setErrors } = useFieldErrors();

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    const body = validate(DeclareConflictBody, target === "person" ? { userId: userId.trim(), reason } : { schoolId, reason });
    // An unchosen school is an empty id to the schema; to the user it is a choice still to make.
    if (target === "school" && schoolId === "") setErrors((previous) => ({ ...previous, schoolId: t("expert:conflict.chooseSchool") }));
    if (!body) return;
    setSending(true);
    try {
      setDeclared(await api<{ createdAt: string }>("POST", "/me/conflicts", { body, idempotencyKey }));
    } catch (caught) {
      if (!fromApi(caught)) setError(caught);
    } finally {
      setSending(false);
    }
  };
  const another = () => {
    setDeclared(undefined);
    setUserId("");
    setSchoolId("");
    setReason("");
    setIdempotencyKey(newIdempotencyKey());
    clear();
  };

  return (
    <Page title={t("expert:conflict.title")}>
      <p>{t("expert:conflict.intro")}</p>
      {declared ? (
        <>
          <p class="notice ok" role="status">
            {t("expert:conflict.done", { date: formatDateTime(declared.createdAt) })}
          </p>
          <Button variant="secondary" onClick={another}>
            {t("expert:conflict.another")}
          </Button>
        </>
      ) : (
        <form class="form narrow" onSubmit={submit} noValidate>
          <Choices
            legend={t("expert:conflict.target")}
            options={(["school", "person"] as const).map((value) => ({ value, label: t(`expert:conflict.${value}`) }))}
            value={target}
            onChange={setTarget}
          />
          {target === "school" ? (
            <Field label={t("expert:conflict.schoolId")} error={errors.schoolId}>
              {(props) => (
                <select {...props} value={schoolId} onChange={(event) => setSchoolId(event.currentTarget.value)}>
                  <option value="">{t("expert:conflict.chooseSchool")}</option>
                  {schools?.map((school) => (
                    <option key={school.id} value={school.id}>
                      {school.name} — {school.district}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <Field label={t("expert:conflict.userId")} hint={t("expert:conflict.userIdHint")} error={errors.userId}>
              {(props) => <input {...props} value={userId} autoComplete="off" onInput={(event) => setUserId(event.currentTarget.value)} />}
            </Field>
          )}
          <ErrorNotice error={schoolsError} />
          <Field label={t("expert:conflict.reason")} hint={t("expert:conflict.reasonHint")} error={errors.reason}>
            {(props) => <textarea {...props} maxLength={1000} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />}
          </Field>
          <SubmitRow error={error} busy={sending}>
            {t("expert:conflict.submit")}
          </SubmitRow>
        </form>
      )}
    </Page>
  );
}
