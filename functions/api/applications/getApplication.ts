import { routes } from "../../routes.ts";
import { getApplication } from "../../adapters/dynamo/applicationRecords.ts";
import { queryPartition } from "../../adapters/dynamo/items.ts";
import { partitions } from "../../adapters/dynamo/keys.ts";
import { getVacancy } from "../../adapters/dynamo/vacancyRecords.ts";
import type { Application } from "../../domain/competition/records.ts";
import type { CurrentUser } from "../../platform/auth/currentUser.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";

async function isAssignedExpert(user: CurrentUser, application: Application): Promise<boolean> {
  if (!user.roles.includes("expert")) return false;
  const page = await queryPartition({
    index: "GSI1",
    partition: partitions.caseAssignments(application.vacancyId),
    sortPrefix: `${application.id}#${user.id}`,
    limit: 1,
  });
  return page.items.some((assignment) => (assignment as { status?: string }).status !== "expired");
}

export const handler = httpHandler(routes.getApplication, async ({ user, params }) => {
  const application = await getApplication(params.id);
  if (!application) throw new AppError("not_found");
  if (user.roles.includes("candidate") && application.candidateId === user.id) {
    // The owner also sees the cut-off once the competition is decided, to compare their own total with it.
    const vacancy = await getVacancy(application.vacancyId);
    return { body: { ...application, cutOff: vacancy?.cutOff ?? null } };
  }
  if (user.roles.includes("hr") && user.schoolId === application.schoolId) return { body: application };
  if (await isAssignedExpert(user, application)) {
    // An expert scores the claims against the documents; other members' results stay sealed from them.
    const { id, vacancyId, claims, status, submittedAt } = application;
    return { body: { id, vacancyId, claims, status, submittedAt } };
  }
  throw new AppError("not_found");
});
