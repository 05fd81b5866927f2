import { useState } from "preact/hooks";
import { CreateApplicationBody } from "../../../../functions/api/schemas/competition.ts";
import { fieldMessage } from "../../../../functions/platform/errors/fieldMessages.ts";
import { api, ApiError, newIdempotencyKey } from "../../api/client.ts";
import { useRubric } from "../../api/reference.ts";
import type { Vacancy } from "../../api/types.ts";
import { href, navigate, type PageProps } from "../../app/router.tsx";
import { currentLanguage, useT } from "../../i18n/index.ts";
import { Button } from "../../ui/Button.tsx";
import { ErrorNotice } from "../../ui/ErrorNotice.tsx";
import { useFieldErrors } from "../../ui/forms.ts";
import { useAction } from "../../ui/useAction.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Page } from "../../ui/Page.tsx";
import { useApi } from "../../ui/useApi.ts";
import { ClosesIn } from "../public/ClosesIn.tsx";
import { ClaimsForm, unanswered, type Claims } from "./ClaimsForm.tsx";

export default function Apply({ params }: PageProps) {
  const t = useT();
  const vacancyId = params.id ?? "";
  const { data: vacancy, error: vacancyError } = useApi<Vacancy>(`/vacancies/${encodeURIComponent(vacancyId)}`);
  const { rubric, error: rubricError } = useRubric(vacancy?.rubricId);
  const [claims, setClaims] = useState<Claims>({});
  // One key for this form: a retried or double-clicked submit creates one application, not two.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const { busy, error, setError, run } = useAction();
  const { errors, validate, fromApi, setErrors } = useFieldErrors();

  if (vacancyError || rubricError) return <Page title={t("teacher:apply.title")}><ErrorNotice error={vacancyError ?? rubricError} /></Page>;
  if (!vacancy || !rubric) return <Loading />;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    const missing = unanswered(rubric, claims, fieldMessage("missing", currentLanguage()));
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setError(new ApiError({ status: 400, code: "validation_failed", title: t("teacher:apply.answerAll") }));
      return;
    }
    const body = validate(CreateApplicationBody, { claims });
    if (!body) return;
    const created = await run(() => api<{ id: string }>("POST", `/vacancies/${encodeURIComponent(vacancyId)}/applications`, { body, idempotencyKey }), fromApi);
    if (created) navigate(href("/applications/:id", { id: created.id }));
  };

  return (
    <Page title={t("teacher:apply.title")}>
      <p>
        <a href={href("/vacancies/:id", { id: vacancyId })}>{vacancy.title}</a> · <ClosesIn closesAt={vacancy.closesAt} withTime />
      </p>
      <ol class="steps">
        <li aria-current="step">{t("teacher:apply.step1")}</li>
        <li>{t("teacher:apply.step2")}</li>
        <li>{t("teacher:apply.step3")}</li>
      </ol>
      <p class="hint">{t("teacher:apply.intro")}</p>
      <form class="form" onSubmit={onSubmit} noValidate>
        <ClaimsForm rubric={rubric} claims={claims} errors={errors} onChange={setClaims} />
        <ErrorNotice error={error} />
        {error instanceof ApiError && error.code === "application_exists" && (
          <p>
            <a href={href("/me/applications")}>{t("teacher:apply.goToMine")}</a>
          </p>
        )}
        <div class="actions">
          <Button type="submit" busy={busy}>
            {t("teacher:apply.continue")}
          </Button>
        </div>
      </form>
    </Page>
  );
}
