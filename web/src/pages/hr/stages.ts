// The way a teaching-post competition goes (DOMAIN.md §2's lifecycle), for showing where one stands.
import { VACANCY_STATUSES } from "../../../../functions/api/schemas/competition.ts";

type VacancyStatus = (typeof VACANCY_STATUSES)[number];

const PATH: readonly VacancyStatus[] = ["draft", "published", "applications_closed", "documents_checked", "scoring", "ranked", "offer_pending"];

export type Stage = { status: string; state: "done" | "current" | "ahead" };

/**
 * The stages in order, each done, current or ahead, up to "appointed". A finished competition shows its
 * outcome after publication: which stages it went through on the way is not known from its status alone
 * (with no eligible candidate it ends right after the document check).
 */
export function competitionStages(status: string): Stage[] {
  const index = PATH.indexOf(status as VacancyStatus);
  if (index < 0) return [{ status: "draft", state: "done" }, { status: "published", state: "done" }, { status, state: "current" }];
  return [...PATH, "appointed"].map((stage, i) => ({ status: stage, state: i < index ? "done" : i === index ? "current" : "ahead" }));
}
