import { useEffect, useState } from "preact/hooks";
import { api } from "../api/client.ts";
import { currentLanguage } from "../i18n/index.ts";
import { signInMethod } from "./signInMethod.ts";
import { getUser, onSessionChange, storeSession, type Role, type User } from "./token.ts";

export type { Role, User };

type LoginResponse = { token: string; expiresAt?: string; user: User };

export async function signIn(username: string, password: string): Promise<void> {
  const method = await signInMethod();
  if (method.kind === "local") {
    const response = await api<LoginResponse>("POST", "/auth/login", { body: { username, password } });
    storeSession({ token: response.token, ...(response.expiresAt ? { expiresAt: response.expiresAt } : {}), user: response.user });
    return;
  }
  // Loaded only where Cognito signs people in, so the error texts it carries stay off the local first page.
  const { cognitoSignIn } = await import("./cognitoSignIn.ts");
  const { idToken, expiresAt } = await cognitoSignIn(method, username, password, currentLanguage());
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
