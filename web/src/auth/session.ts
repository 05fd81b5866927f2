import { useEffect, useState } from "preact/hooks";
import { api } from "../api/client.ts";
import { currentLanguage } from "../i18n/index.ts";
import type { CognitoTokens, NewPasswordChallenge } from "./cognitoSignIn.ts";
import { signInMethod } from "./signInMethod.ts";
import { getUser, onSessionChange, storeSession, type Role, type User } from "./token.ts";

export type { NewPasswordChallenge, Role, User };

type LoginResponse = { token: string; expiresAt?: string; user: User };

/** Signed in, or an administrator-created account whose temporary password must first be replaced. */
export type SignInOutcome = { kind: "signedIn" } | { kind: "newPasswordRequired"; challenge: NewPasswordChallenge };

export async function signIn(username: string, password: string): Promise<SignInOutcome> {
  const method = await signInMethod();
  if (method.kind === "local") {
    const response = await api<LoginResponse>("POST", "/auth/login", { body: { username, password } });
    storeSession({ token: response.token, ...(response.expiresAt ? { expiresAt: response.expiresAt } : {}), user: response.user });
    return { kind: "signedIn" };
  }
  // Loaded only where Cognito signs people in, so the error texts it carries stay off the local first page.
  const { cognitoSignIn } = await import("./cognitoSignIn.ts");
  const outcome = await cognitoSignIn(method, username, password, currentLanguage());
  if (outcome.kind === "newPasswordRequired") return outcome;
  await storeCognitoSession(outcome.tokens);
  return { kind: "signedIn" };
}

/** Replaces a temporary password and signs in with the tokens Cognito then issues, as `signIn` does. */
export async function signInWithNewPassword(challenge: NewPasswordChallenge, newPassword: string, attributes: Record<string, string>): Promise<void> {
  const { respondWithNewPassword } = await import("./cognitoSignIn.ts");
  await storeCognitoSession(await respondWithNewPassword(challenge, newPassword, attributes, currentLanguage()));
}

async function storeCognitoSession({ idToken, expiresAt }: CognitoTokens): Promise<void> {
  // GET /me reads the user exactly as every route does, from the verified token.
  storeSession({ token: idToken, expiresAt, user: await api<User>("GET", "/me", { token: idToken }) });
}

export function signOut(): void {
  storeSession(undefined);
}

export function hasAnyRole(user: User | undefined, roles: readonly Role[] | undefined): boolean {
  if (!roles) return true;
  return user !== undefined && user.roles.some((role) => roles.includes(role));
}

export function useSession(): { user?: User; signIn: typeof signIn; signOut: typeof signOut } {
  const [user, setUser] = useState(getUser());
  useEffect(() => onSessionChange(() => setUser(getUser())), []);
  return { ...(user ? { user } : {}), signIn, signOut };
}
