import { useState } from "preact/hooks";
import { CreateVacancyBody } from "../../../../functions/api/schemas/competition.ts";
import { api, newIdempotencyKey } from "../../api/client.ts";
import type { Vacancy } from "../../api/types.ts";
import { href, navigate } from "../../app/router.tsx";
import { useT } from "../../i18n/index.ts";
import { Choices } from "../../ui/Choices.tsx";
import { Field } from "../../ui/Field.tsx";
import { useFieldErrors } from "../../ui/forms.ts";
import { Page } from "../../ui/Page.tsx";
import { SubmitRow } from "../../ui/SubmitRow.tsx";
import { TeachingLanguageOptions } from "../../ui/TeachingLanguageOptions.tsx";
import { localInputToIso, suggestedClosesAt } from "./dateTime.ts";

type Form = {
  title: string;
  subject: string;
  language: string;
  kind: "teacher" | "technical";
  hoursPerWeek: string;
  employment: "permanent" | "temporary";
  closesAt: string;
  description: string;
};

/** A new vacancy of the officer's school, saved as a draft (published from its own page). */
export default function CreateVacancy() {
  const t = useT();
  const [form, setForm] = useState<Form>(() => ({
    title: "",
    subject: "",
    language: "kk",
    kind: "teacher",
    hoursPerWeek: "",
    employment: "permanent",
    closesAt: suggestedClosesAt(new Date()),
    description: "",
  }));
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const { errors, validate, fromApi, setErrors } = useFieldErrors();
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((previous) => ({ ...previous, [key]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    const closesAt = localInputToIso(form.closesAt);
    const body = {
      title: form.title,
      subject: form.subject,
      language: form.language,
      kind: form.kind,
      hoursPerWeek: form.hoursPerWeek.trim() === "" ? Number.NaN : Number(form.hoursPerWeek),
      employment: form.employment,
      closesAt: closesAt ?? "",
      ...(form.description.trim() ? { description: form.description } : {}),
    };
    const valid = validate(CreateVacancyBody, body);
    // The schema knows numbers and ISO instants; an empty hours field, a local time that does not exist or
    // one already past are said here in the form's own words.
    const ownErrors = {
      ...(Number.isNaN(body.hoursPerWeek) ? { hoursPerWeek: t("hr:create.hoursInvalid") } : {}),
      ...(closesAt === undefined
        ? { closesAt: t("hr:create.closesAtInvalid") }
        : Date.parse(closesAt) <= Date.now()
          ? { closesAt: t("hr:create.closesAtPast") }
          : {}),
    };
    if (Object.keys(ownErrors).length > 0) {
      setErrors((previous) => ({ ...previous, ...ownErrors }));
      return;
    }
    if (!valid) return;
    setSending(true);
    try {
      const created = await api<Vacancy>("POST", "/vacancies", { body: valid, idempotencyKey });
      navigate(href("/hr/vacancies/:id", { id: created.id }, { created: "1" }));
    } catch (caught) {
      if (!fromApi(caught)) setError(caught);
      setSending(false);
    }
  };

  return (
    <Page title={t("hr:create.title")} actions={<a href={href("/hr/vacancies")}>{t("hr:vacancy.back")}</a>}>
      <p>{t("hr:create.intro")}</p>
      <form class="form" onSubmit={submit} noValidate>
        <Field label={t("hr:create.position")} hint={t("hr:create.positionHint")} error={errors.title}>
          {(props) => <input {...props} maxLength={200} value={form.title} onInput={(event) => set("title", event.currentTarget.value)} />}
        </Field>
        <Field label={t("hr:create.subject")} error={errors.subject}>
          {(props) => <input {...props} maxLength={100} value={form.subject} onInput={(event) => set("subject", event.currentTarget.value)} />}
        </Field>
        <Field label={t("hr:create.language")} error={errors.language}>
          {(props) => (
            <select {...props} value={form.language} onChange={(event) => set("language", event.currentTarget.value)}>
              <TeachingLanguageOptions />
            </select>
          )}
        </Field>
        <Choices
          legend={t("hr:create.kind")}
          error={errors.kind}
          options={(["teacher", "technical"] as const).map((kind) => ({ value: kind, label: t(`hr:kind.${kind}`) }))}
          value={form.kind}
          onChange={(kind) => set("kind", kind)}
        />
        <Field label={t("hr:create.hoursPerWeek")} hint={t("hr:create.hoursHint")} error={errors.hoursPerWeek}>
          {(props) => (
            <input {...props} type="number" inputMode="decimal" min={0.5} max={40} step={0.5} value={form.hoursPerWeek} onInput={(event) => set("hoursPerWeek", event.currentTarget.value)} />
          )}
        </Field>
        <Choices
          legend={t("hr:create.employment")}
          error={errors.employment}
          options={(["permanent", "temporary"] as const).map((employment) => ({ value: employment, label: t(`common:employment.${employment}`) }))}
          value={form.employment}
          onChange={(employment) => set("employment", employment)}
        />
        <Field label={t("hr:create.closesAt")} hint={t("hr:create.closesAtHint")} error={errors.closesAt}>
          {(props) => <input {...props} type="datetime-local" value={form.closesAt} onInput={(event) => set("closesAt", event.currentTarget.value)} />}
        </Field>
        <Field label={t("hr:create.description")} hint={t("hr:create.descriptionHint")} error={errors.description}>
          {(props) => <textarea {...props} maxLength={4000} value={form.description} onInput={(event) => set("description", event.currentTarget.value)} />}
        </Field>
        <SubmitRow error={error} busy={sending}>
          {t("hr:create.save")}
        </SubmitRow>
      </form>
    </Page>
  );
}
