import { useEffect, useState } from "preact/hooks";
import { api } from "./client.ts";
import type { Page, Rubric, School } from "./types.ts";

// Schools and rubrics change rarely: one request per page load serves every page that shows them.
const cache = new Map<string, Promise<unknown>>();

function cached<T>(path: string): Promise<T> {
  let pending = cache.get(path) as Promise<T> | undefined;
  if (!pending) {
    pending = api<T>("GET", path);
    // A failure is not remembered: the next page to ask tries again.
    pending.catch(() => cache.delete(path));
    cache.set(path, pending);
  }
  return pending;
}

function useCached<T>(path: string | undefined): { data?: T; error?: unknown } {
  const [state, setState] = useState<{ data?: T; error?: unknown }>({});
  useEffect(() => {
    if (!path) return;
    let live = true;
    cached<T>(path).then(
      (data) => live && setState({ data }),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return state;
}

export function useSchools(): { schools?: School[]; byId: (id: string) => School | undefined; error?: unknown } {
  const { data, error } = useCached<Page<School>>("/schools?limit=100");
  const schools = data?.items;
  return { ...(schools ? { schools } : {}), byId: (id) => schools?.find((school) => school.id === id), ...(error ? { error } : {}) };
}

export function useRubric(id: string | undefined): { rubric?: Rubric; error?: unknown } {
  const { data, error } = useCached<Rubric>(id ? `/rubrics/${encodeURIComponent(id)}` : undefined);
  return { ...(data ? { rubric: data } : {}), ...(error ? { error } : {}) };
}
