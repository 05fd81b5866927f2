import { routes } from "../../routes.ts";
import { listVacancyApplications } from "../../adapters/dynamo/applicationRecords.ts";
import { candidateRef } from "../../domain/competition/candidateRef.ts";
import type { VacancyStatus } from "../../domain/competition/records.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { publicVacancy } from "./vacancyAccess.ts";

const outcomes: Partial<Record<VacancyStatus, "appointed" | "not_held" | "no_appointment">> = {
  appointed: "appointed",
  not_held: "not_held",
  no_appointment: "no_appointment",
  no_eligible_panel: "not_held",
};

export const handler = httpHandler(routes.getVacancyResults, async ({ params }) => {
  const vacancy = await publicVacancy(params.id);
  const status = outcomes[vacancy.status];
  if (!status) throw new AppError("results_not_available");
  const ranked = (await listVacancyApplications(vacancy.id))
    .filter((application) => application.rank !== undefined)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  return {
    body: {
      status,
      decidedAt: vacancy.decidedAt,
      ranking: ranked.map((application) => ({
        rank: application.rank,
        candidateRef: candidateRef(vacancy.id, application.id),
        total: application.total,
      })),
      ...(vacancy.appointedApplicationId ? { appointed: candidateRef(vacancy.id, vacancy.appointedApplicationId) } : {}),
    },
  };
});
