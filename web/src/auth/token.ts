// The signed-in session as the browser keeps it: sessionStorage, so closing the tab signs out (shared
// school computers and tablets are common).
export type Role = "candidate" | "expert" | "hr" | "admin";
export type User = { id: string; username: string; roles: Role[]; schoolId?: string };
type Stored = { token: string; expiresAt?: string; user: User };

const KEY = "adal.session";
const listeners = new Set<() => void>();

function read(): Stored | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as Stored;
    if (stored.expiresAt && Date.parse(stored.expiresAt) <= Date.now()) return undefined;
    return stored;
  } catch {
    return undefined;
  }
}

let current: Stored | undefined = read();

export function getToken(): string | undefined {
  return current?.token;
}

export function getUser(): User | undefined {
  return current?.user;
}

export function storeSession(stored: Stored | undefined): void {
  current = stored;
  try {
    if (stored) sessionStorage.setItem(KEY, JSON.stringify(stored));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused: the session lives in memory until the page is reloaded.
  }
  for (const listener of listeners) listener();
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
