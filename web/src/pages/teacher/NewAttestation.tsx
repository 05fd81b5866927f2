import { useState } from "preact/hooks";
import { CATEGORIES, CreateAttestationBody } from "../../../../functions/api/schemas/attestation.ts";
import { CEFR_LEVELS, LANGUAGE_CERTIFICATE_KINDS } from "../../../../functions/domain/attestation/attestationRules.ts";
import { api, newIdempotencyKey } from "../../api/client.ts";
import { href, navigate, type PageProps } from "../../app/router.tsx";
import { formatNumber, useT } from "../../i18n/index.ts";
import { Field, FieldSet } from "../../ui/Field.tsx";
import { useFieldErrors } from "../../ui/forms.ts";
import { Page } from "../../ui/Page.tsx";
import { SubmitRow } from "../../ui/SubmitRow.tsx";
import { useAction } from "../../ui/useAction.ts";
import { KNOWLEDGE_TEST_TASKS, PASS_SCORES, refusalsFor, type AttestationFacts } from "./eligibility.ts";
import { EligibilityPanel } from "./EligibilityPanel.tsx";

type Form = {
  role: "teacher" | "support_specialist";
  subject: string;
  currentCategory: (typeof CATEGORIES)[number];
  currentCategoryValidUntil: string;
  targetCategory: (typeof CATEGORIES)[number];
  experienceYears: string;
  hasTest: boolean;
  testScore: string;
  testTakenAt: string;
  exemption: "" | "experience_30_years" | "confirming_top_category" | "language_certificate";
  certificateKind: (typeof LANGUAGE_CERTIFICATE_KINDS)[number];
  certificateLevel: string;
  certificateValidUntil: string;
  confirmationsInARow: string;
  early: boolean;
  lastAttestationAt: string;
};

const initial: Form = {
  role: "teacher",
  subject: "",
  currentCategory: "teacher",
  currentCategoryValidUntil: "",
  targetCategory: "moderator",
  experienceYears: "",
  hasTest: true,
  testScore: "",
  testTakenAt: "",
  exemption: "",
  certificateKind: "IELTS",
  certificateLevel: "",
  certificateValidUntil: "",
  confirmationsInARow: "",
  early: false,
  lastAttestationAt: "",
};

const number = (raw: string) => (raw.trim() === "" ? undefined : Number(raw.replace(",", ".")));
const text = (raw: string) => (raw.trim() === "" ? undefined : raw.trim());

/** The form as the body POST /attestations takes; empty inputs are left out, not sent as "". */
export function toBody(form: Form) {
  const cefr = form.certificateKind === "DELF" || form.certificateKind === "Goethe";
  return {
    role: form.role,
    ...(text(form.subject) ? { subject: text(form.subject) } : {}),
    targetCategory: form.targetCategory,
    currentCategory: form.currentCategory,
    ...(text(form.currentCategoryValidUntil) ? { currentCategoryValidUntil: text(form.currentCategoryValidUntil) } : {}),
    experienceYears: number(form.experienceYears),
    ...(form.hasTest && !form.exemption ? { test: { score: number(form.testScore), takenAt: text(form.testTakenAt) } } : {}),
    ...(form.exemption
      ? {
          exemption: {
            reason: form.exemption,
            ...(form.exemption === "language_certificate"
              ? {
                  certificate: {
                    kind: form.certificateKind,
                    level: cefr ? form.certificateLevel : number(form.certificateLevel),
                    ...(text(form.certificateValidUntil) ? { validUntil: text(form.certificateValidUntil) } : {}),
                  },
                }
              : {}),
            ...(form.exemption === "confirming_top_category" && text(form.confirmationsInARow) ? { confirmationsInARow: number(form.confirmationsInARow) } : {}),
          },
        }
      : {}),
    ...(form.early ? { early: true } : {}),
    ...(text(form.lastAttestationAt) ? { lastAttestationAt: text(form.lastAttestationAt) } : {}),
  };
}

/**
 * What the rules can already judge: an unfinished test result is left out (the rules then say a test is
 * needed) rather than judged as an invalid value while the teacher is still typing it.
 */
function factsSoFar(body: ReturnType<typeof toBody>, experienceYears: number): Omit<AttestationFacts, "targetCategory"> {
  const { test, targetCategory: _target, role: _role, subject: _subject, ...rest } = body;
  const complete = test && test.score !== undefined && test.takenAt !== undefined ? { test: { score: test.score, takenAt: test.takenAt } } : {};
  return { ...(rest as Omit<AttestationFacts, "targetCategory" | "test" | "experienceYears">), experienceYears, ...complete };
}

export default function NewAttestation(_props: PageProps) {
  const t = useT();
  const [form, setForm] = useState<Form>(initial);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const { busy, error, run } = useAction();
  const { errors, validate, fromApi } = useFieldErrors();
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((previous) => ({ ...previous, [key]: value }));
  const body = toBody(form);
  const years = body.experienceYears;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const valid = validate(CreateAttestationBody, body);
    if (!valid) return;
    const created = await run(() => api<{ id: string }>("POST", "/attestations", { body: valid, idempotencyKey }), fromApi);
    if (created) navigate(href("/attestations/:id", { id: created.id }));
  };

  const dateField = (key: "currentCategoryValidUntil" | "testTakenAt" | "certificateValidUntil" | "lastAttestationAt", label: string, path: string, hint?: string) => (
    <Field label={label} hint={hint} error={errors[path]}>
      {(props) => <input {...props} type="date" value={form[key]} onInput={(e) => set(key, e.currentTarget.value)} />}
    </Field>
  );

  return (
    <Page title={t("teacher:attestation.newTitle")}>
      <p class="hint">{t("teacher:attestation.newIntro")}</p>
      <form class="form" onSubmit={onSubmit} noValidate>
        <FieldSet legend={t("teacher:attestation.role")} error={errors.role}>
          {(["teacher", "support_specialist"] as const).map((role) => (
            <div class="choice" key={role}>
              <input type="radio" id={`role-${role}`} name="role" checked={form.role === role} onChange={() => set("role", role)} />
              <label for={`role-${role}`}>{t(`teacher:attestation.roles.${role}`)}</label>
            </div>
          ))}
        </FieldSet>
        <Field label={t("teacher:attestation.subject")} error={errors.subject}>
          {(props) => <input {...props} value={form.subject} onInput={(e) => set("subject", e.currentTarget.value)} />}
        </Field>
        <Field label={t("teacher:attestation.currentCategory")} error={errors.currentCategory}>
          {(props) => (
            <select {...props} value={form.currentCategory} onChange={(e) => set("currentCategory", e.currentTarget.value as Form["currentCategory"])}>
              {CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`common:category.${category}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {form.currentCategory !== "teacher" && dateField("currentCategoryValidUntil", t("teacher:attestation.validUntil"), "currentCategoryValidUntil")}
        <Field label={t("teacher:attestation.experienceYears")} hint={t("teacher:attestation.experienceHint")} error={errors.experienceYears}>
          {(props) => <input {...props} type="number" inputMode="decimal" min={0} max={70} step="any" value={form.experienceYears} onInput={(e) => set("experienceYears", e.currentTarget.value)} />}
        </Field>

        <FieldSet legend={t("teacher:attestation.testTitle")} hint={t("teacher:attestation.testHint", { tasks: KNOWLEDGE_TEST_TASKS, moderator: PASS_SCORES.moderator, expert: PASS_SCORES.expert, researcher: PASS_SCORES.researcher, master: PASS_SCORES.master })}>
          <Field label={t("teacher:attestation.exemption")} error={errors.exemption ?? errors["exemption.reason"]}>
            {(props) => (
              <select {...props} value={form.exemption} onChange={(e) => set("exemption", e.currentTarget.value as Form["exemption"])}>
                <option value="">{t("teacher:attestation.exemptions.none")}</option>
                <option value="experience_30_years">{t("teacher:attestation.exemptions.experience_30_years")}</option>
                <option value="confirming_top_category">{t("teacher:attestation.exemptions.confirming_top_category")}</option>
                <option value="language_certificate">{t("teacher:attestation.exemptions.language_certificate")}</option>
              </select>
            )}
          </Field>
          {!form.exemption && (
            <>
              <Field label={t("teacher:attestation.testScore", { tasks: KNOWLEDGE_TEST_TASKS })} error={errors["test.score"] ?? errors.test}>
                {(props) => <input {...props} type="number" inputMode="numeric" min={0} max={KNOWLEDGE_TEST_TASKS} step={1} value={form.testScore} onInput={(e) => set("testScore", e.currentTarget.value)} />}
              </Field>
              {dateField("testTakenAt", t("teacher:attestation.testTakenAt"), "test.takenAt")}
            </>
          )}
          {form.exemption === "language_certificate" && (
            <>
              <Field label={t("teacher:attestation.certificateKind")} error={errors["exemption.certificate.kind"]}>
                {(props) => (
                  <select {...props} value={form.certificateKind} onChange={(e) => set("certificateKind", e.currentTarget.value as Form["certificateKind"])}>
                    {LANGUAGE_CERTIFICATE_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {kind}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t("teacher:attestation.certificateLevel")} error={errors["exemption.certificate.level"]}>
                {(props) =>
                  form.certificateKind === "DELF" || form.certificateKind === "Goethe" ? (
                    <select {...props} value={form.certificateLevel} onChange={(e) => set("certificateLevel", e.currentTarget.value)}>
                      <option value="">—</option>
                      {CEFR_LEVELS.map((level) => (
                        <option key={level} value={level}>
                          {level}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input {...props} type="number" inputMode="decimal" step="any" min={0} max={120} value={form.certificateLevel} onInput={(e) => set("certificateLevel", e.currentTarget.value)} />
                  )
                }
              </Field>
              {dateField("certificateValidUntil", t("teacher:attestation.certificateValidUntil"), "exemption.certificate.validUntil")}
            </>
          )}
          {form.exemption === "confirming_top_category" && (
            <Field label={t("teacher:attestation.confirmationsInARow")} error={errors["exemption.confirmationsInARow"]}>
              {(props) => <input {...props} type="number" inputMode="numeric" min={0} max={20} step={1} value={form.confirmationsInARow} onInput={(e) => set("confirmationsInARow", e.currentTarget.value)} />}
            </Field>
          )}
        </FieldSet>

        <FieldSet legend={t("teacher:attestation.earlyTitle")}>
          <div class="choice">
            <input type="checkbox" id="early" checked={form.early} onChange={(e) => set("early", e.currentTarget.checked)} />
            <label for="early">{t("teacher:attestation.early")}</label>
          </div>
          {dateField("lastAttestationAt", t("teacher:attestation.lastAttestationAt"), "lastAttestationAt", t("teacher:attestation.lastAttestationHint"))}
        </FieldSet>

        {years !== undefined && Number.isFinite(years) && <EligibilityPanel facts={factsSoFar(body, years)} selected={form.targetCategory} />}

        <Field label={t("teacher:attestation.targetCategory")} error={errors.targetCategory}>
          {(props) => (
            <select {...props} value={form.targetCategory} onChange={(e) => set("targetCategory", e.currentTarget.value as Form["targetCategory"])}>
              {CATEGORIES.filter((category) => category !== "teacher").map((category) => (
                <option key={category} value={category}>
                  {t(`common:category.${category}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {years !== undefined && Number.isFinite(years) && refusalsFor({ ...factsSoFar(body, years), targetCategory: form.targetCategory }).length > 0 && (
          <p class="notice warn">{t("teacher:attestation.selectedNotEligible")}</p>
        )}
        <p class="hint">{t("teacher:attestation.passScoreHint", { score: formatNumber(PASS_SCORES[form.targetCategory]), tasks: KNOWLEDGE_TEST_TASKS })}</p>
        <SubmitRow error={error} busy={busy}>
          {t("teacher:attestation.create")}
        </SubmitRow>
      </form>
    </Page>
  );
}
