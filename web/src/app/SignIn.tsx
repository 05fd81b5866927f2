import { useState } from "preact/hooks";
import { ApiError } from "../api/client.ts";
import { useSession, type NewPasswordChallenge } from "../auth/session.ts";
import { useT } from "../i18n/index.ts";
import { Button } from "../ui/Button.tsx";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { Field } from "../ui/Field.tsx";
import { Page } from "../ui/Page.tsx";
import { useAction } from "../ui/useAction.ts";
import { NewPasswordStep } from "./NewPasswordStep.tsx";
import { navigate, useLocation } from "./router.tsx";

/** Only relative app paths are followed after sign-in, never another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export default function SignIn() {
  const t = useT();
  const { query } = useLocation();
  const { user, signIn } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, setError, run } = useAction();
  // Lives only in this page's memory: the challenge session proves the temporary password for a few minutes.
  const [challenge, setChallenge] = useState<NewPasswordChallenge>();
  const done = () => navigate(safeNext(query.get("next")), { replace: true });

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const outcome = await run(() => signIn(username.trim(), password));
    if (outcome?.kind === "signedIn") done();
    if (outcome?.kind === "newPasswordRequired") {
      // The temporary password has done its job; it is not kept while the user chooses a new one.
      setPassword("");
      setChallenge(outcome.challenge);
    }
  };

  if (challenge) {
    const restart = (reason?: unknown) => {
      setChallenge(undefined);
      setError(reason);
    };
    return <NewPasswordStep challenge={challenge} onSignedIn={done} onRestart={restart} />;
  }

  return (
    <Page title={t("common:signIn.title")}>
      {user && <p>{t("common:signIn.already", { username: user.username })}</p>}
      <form class="form narrow" onSubmit={onSubmit} noValidate>
        <ErrorNotice error={error} />
        <Field label={t("common:signIn.username")}>
          {(props) => (
            <input {...props} name="username" autoComplete="username" autoCapitalize="none" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
          )}
        </Field>
        <Field label={t("common:signIn.password")}>
          {(props) => (
            <input {...props} name="password" type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          )}
        </Field>
        <Button type="submit" busy={busy} disabled={!username.trim() || !password}>
          {t("common:signIn.action")}
        </Button>
      </form>
      {error instanceof ApiError && error.code === "invalid_credentials" && <p class="hint">{t("common:signIn.hint")}</p>}
    </Page>
  );
}
