import { api, ApiError } from "../../api/client.ts";
import type { Page, Vacancy } from "../../api/types.ts";
import { useLoad, type ApiState } from "../../ui/useApi.ts";

/**
 * One of the school's vacancies, drafts included. GET /vacancies/{id} is public and never shows a draft,
 * so the school's own list (GET /me/vacancies, newest first: a fresh draft is on its first page) is read
 * first, and the public read covers an older vacancy beyond that page.
 */
export function useOwnVacancy(id: string): ApiState<Vacancy> {
  return useLoad(id, async (wanted) => {
    const own = await api<Page<Vacancy>>("GET", "/me/vacancies", { query: { limit: 100 } });
    const found = own.items.find((vacancy) => vacancy.id === wanted);
    return found ?? (await api<Vacancy>("GET", `/vacancies/${encodeURIComponent(wanted)}`));
  });
}

export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;
