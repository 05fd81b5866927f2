import { routes } from "../../routes.ts";
import { getApplication, listDocuments } from "../../adapters/dynamo/applicationRecords.ts";
import { queryPartition } from "../../adapters/dynamo/items.ts";
import { partitions } from "../../adapters/dynamo/keys.ts";
import { getVacancy } from "../../adapters/dynamo/vacancyRecords.ts";
import type { Application } from "../../domain/competition/records.ts";
import type { CurrentUser } from "../../platform/auth/currentUser.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { ownerDocuments } from "../documents/ownerDocuments.ts";

async function isAssignedExpert(user: CurrentUser, application: Application): Promise<boolean> {
  if (!user.roles.includes("expert")) return false;
  const page = await queryPartition({
    index: "GSI1",
    partition: partitions.caseAssignments(application.vacancyId),
    sortPrefix: `${application.id}#${user.id}`,
    limit: 1,
  });
  // The sort key is "<applicationId>#<expertId>": a prefix query alone would let expert1 match expert10's rows.
  return page.items.some((assignment) => {
    const { expertId, status } = assignment as { expertId?: string; status?: string };
    return expertId === user.id && status !== "expired";
  });
}

export const handler = httpHandler(routes.getApplication, async ({ user, params }) => {
  const application = await getApplication(params.id);
  if (!application) throw new AppError("not_found");
  if (user.roles.includes("candidate") && application.candidateId === user.id) {
    // The owner also sees the cut-off once the competition is decided, to compare their own total with it.
    const [vacancy, documents] = await Promise.all([getVacancy(application.vacancyId), listDocuments(application.id).then(ownerDocuments)]);
    return { body: { ...application, cutOff: vacancy?.cutOff ?? null, documents } };
  }
  if (user.roles.includes("hr") && user.schoolId === application.schoolId) return { body: application };
  if (await isAssignedExpert(user, application)) {
    // An expert scores the claims against the documents; other members' results stay sealed from them.
    const { id, vacancyId, claims, status, submittedAt } = application;
    return { body: { id, vacancyId, claims, status, submittedAt } };
  }
  throw new AppError("not_found");
});
