import { useEffect, useState } from "preact/hooks";
import { api } from "../api/client.ts";
import { getUser, onSessionChange, storeSession, type Role, type User } from "./token.ts";

export type { Role, User };

type LoginResponse = { token: string; expiresAt?: string; user: User };

export async function signIn(username: string, password: string): Promise<void> {
  const response = await api<LoginResponse>("POST", "/auth/login", { body: { username, password } });
  storeSession({ token: response.token, ...(response.expiresAt ? { expiresAt: response.expiresAt } : {}), user: response.user });
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
