import type { ApplicationStatus, VacancyStatus } from "./records.ts";

// The competition lifecycle of DOMAIN.md §2 as an order, so that a workflow step can tell "not yet" from
// "already done" (a re-driven or retried step must do nothing when its transition already happened).
// Technical vacancies skip scoring; every decided status is the end.
const stageOf: Record<VacancyStatus, number> = {
  draft: 0,
  published: 1,
  applications_closed: 2,
  documents_checked: 3,
  scoring: 4,
  ranked: 5,
  offer_pending: 6,
  appointed: 7,
  not_held: 7,
  no_appointment: 7,
  no_eligible_panel: 7,
  cancelled: -1,
};

export const DECIDED_STATUSES = ["appointed", "not_held", "no_appointment", "no_eligible_panel"] as const satisfies readonly VacancyStatus[];
export type CompetitionOutcome = (typeof DECIDED_STATUSES)[number];

/** The vacancy is at `stage` or past it. A cancelled vacancy has reached nothing. */
export function hasReached(status: VacancyStatus, stage: VacancyStatus): boolean {
  return stageOf[status] >= 0 && stageOf[status] >= stageOf[stage];
}

export function isDecided(status: VacancyStatus): status is CompetitionOutcome {
  return (DECIDED_STATUSES as readonly VacancyStatus[]).includes(status);
}

/** Applications that took part: drafts never entered and withdrawn ones left before the deadline. */
export function enteredCompetition(status: ApplicationStatus): boolean {
  return status !== "draft" && status !== "withdrawn";
}

/** Applications that passed the completeness check (whatever happened to them afterwards). */
export function passedDocumentCheck(status: ApplicationStatus): boolean {
  return status === "eligible" || status === "scored" || status === "appointed" || status === "not_selected";
}
