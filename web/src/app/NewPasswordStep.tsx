import { useState } from "preact/hooks";
import * as z from "zod/mini";
import { ApiError } from "../api/client.ts";
import type { PasswordRefusal } from "../auth/cognitoSignIn.ts";
import { NewPasswordForm, PASSWORD_MIN_LENGTH } from "../auth/passwordPolicy.ts";
import { signInWithNewPassword, type NewPasswordChallenge } from "../auth/session.ts";
import { useT, type TFunction } from "../i18n/index.ts";
import { Button } from "../ui/Button.tsx";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { Field } from "../ui/Field.tsx";
import { Page } from "../ui/Page.tsx";
import { useAction } from "../ui/useAction.ts";

type Errors = { newPassword?: string; repeat?: string; email?: string };

/** The field errors of the form as typed, in the page's language; empty when it may be sent. */
function formErrors(t: TFunction, form: { newPassword: string; repeat: string }, email: string | undefined): Errors {
  const errors: Errors = {};
  const result = NewPasswordForm.safeParse(form);
  const broken: Record<string, string[]> = {};
  for (const issue of result.success ? [] : result.error.issues) {
    const rule = (issue as { params?: { rule?: string } }).params?.rule ?? "";
    (broken[issue.path.join(".")] ??= []).push(t(`common:newPassword.rule.${rule}`, { min: PASSWORD_MIN_LENGTH }));
  }
  if (broken.newPassword) errors.newPassword = broken.newPassword.join(" ");
  if (broken.repeat) errors.repeat = broken.repeat.join(" ");
  if (email !== undefined && !z.email().safeParse(email.trim()).success) errors.email = t("common:newPassword.emailInvalid");
  return errors;
}

function refusalOf(error: unknown): PasswordRefusal | undefined {
  return error instanceof ApiError && error.code === "password_rejected" ? (error as ApiError & { refusal: PasswordRefusal }).refusal : undefined;
}

/**
 * The first sign-in of an account an administrator created: the temporary password was right, and the user
 * now chooses their own. The policy is said before typing; Cognito still judges what is sent. An expired
 * challenge, or leaving, sends the user back to sign in with the temporary password again.
 */
export function NewPasswordStep({ challenge, onSignedIn, onRestart }: { challenge: NewPasswordChallenge; onSignedIn: () => void; onRestart: (reason?: unknown) => void }) {
  const t = useT();
  const [newPassword, setNewPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  // The pool requires only email (infra/aws/adalStack.ts); an administrator who left it out is asked for it here.
  const needsEmail = challenge.requiredAttributes.includes("email");
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const { busy, error, run } = useAction();

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found = formErrors(t, { newPassword, repeat }, needsEmail ? email : undefined);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const attributes: Record<string, string> = needsEmail ? { email: email.trim() } : {};
    const signedIn = await run(
      () => signInWithNewPassword(challenge, newPassword, attributes).then(() => true),
      (refused) => {
        // Only a refusal of the session itself ends this step; a busy service or a refused password may be retried.
        if (refused instanceof ApiError && refused.code === "sign_in_session_expired") onRestart(refused);
        const refusal = refusalOf(refused);
        if (refusal) setErrors({ newPassword: t(`common:newPassword.refused.${refusal}`, { min: PASSWORD_MIN_LENGTH }) });
      },
    );
    if (signedIn) onSignedIn();
  };

  return (
    <Page title={t("common:newPassword.title")}>
      <p>{t("common:newPassword.intro")}</p>
      <form class="form narrow" onSubmit={onSubmit} noValidate>
        <ErrorNotice error={error} />
        {needsEmail && (
          <Field label={t("common:newPassword.email")} hint={t("common:newPassword.emailHint")} error={errors.email}>
            {(props) => <input {...props} name="email" type="email" autoComplete="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
          </Field>
        )}
        <Field label={t("common:newPassword.newPassword")} hint={t("common:newPassword.policy", { min: PASSWORD_MIN_LENGTH })} error={errors.newPassword}>
          {(props) => (
            <input {...props} name="new-password" type="password" autoComplete="new-password" required value={newPassword} onInput={(e) => setNewPassword(e.currentTarget.value)} />
          )}
        </Field>
        <Field label={t("common:newPassword.repeat")} error={errors.repeat}>
          {(props) => <input {...props} name="repeat-password" type="password" autoComplete="new-password" required value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} />}
        </Field>
        <Button type="submit" busy={busy} disabled={!newPassword || !repeat}>
          {t("common:newPassword.action")}
        </Button>
        <Button variant="secondary" onClick={() => onRestart()}>
          {t("common:newPassword.back")}
        </Button>
      </form>
    </Page>
  );
}
