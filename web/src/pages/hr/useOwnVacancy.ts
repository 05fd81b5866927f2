import { useCallback, useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../../api/client.ts";
import type { Page, Vacancy } from "../../api/types.ts";

/**
 * One of the school's vacancies, drafts included. GET /vacancies/{id} is public and never shows a draft,
 * so the school's own list (GET /me/vacancies, newest first: a fresh draft is on its first page) is read
 * first, and the public read covers an older vacancy beyond that page.
 */
export function useOwnVacancy(id: string): { vacancy?: Vacancy; error?: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ vacancy?: Vacancy; error?: unknown; loading: boolean }>({ loading: true });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    (async () => {
      const own = await api<Page<Vacancy>>("GET", "/me/vacancies", { query: { limit: 100 } });
      const found = own.items.find((vacancy) => vacancy.id === id);
      return found ?? (await api<Vacancy>("GET", `/vacancies/${encodeURIComponent(id)}`));
    })().then(
      (vacancy) => live && setState({ vacancy, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [id, version]);
  return { ...state, reload };
}

export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;
