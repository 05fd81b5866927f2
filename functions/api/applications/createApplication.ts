import { routes } from "../../routes.ts";
import { putNewApplication } from "../../adapters/dynamo/applicationRecords.ts";
import { vacancyAcceptsApplications } from "../../adapters/dynamo/vacancyRecords.ts";
import { newId } from "../../adapters/ids.ts";
import type { Application } from "../../domain/competition/records.ts";
import { getRubric } from "../../domain/rubrics/registry.ts";
import { validateAnswers } from "../../domain/rubrics/validateAnswers.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { answerErrors } from "../answerErrors.ts";
import { createIdempotently } from "../idempotentCreate.ts";
import { publicVacancy } from "../vacancies/vacancyAccess.ts";
import { assertBeforeDeadline } from "./applicationAccess.ts";

export const handler = httpHandler(routes.createApplication, async ({ user, params, body, language, idempotencyKey }) => {
  const vacancy = await publicVacancy(params.id);
  const now = new Date();
  if (vacancy.status !== "published") throw new AppError("applications_closed");
  assertBeforeDeadline(vacancy.closesAt, now);
  const rubric = getRubric(vacancy.rubricId);
  if (!rubric) throw new Error(`rubric ${vacancy.rubricId} pinned by vacancy is missing`);
  const checked = validateAnswers(rubric, body.claims, { requireAll: false });
  if (!checked.ok) {
    throw new AppError("claims_invalid", undefined, answerErrors(checked.issues, language, "body.claims"));
  }
  const result = await createIdempotently({ userId: user.id, key: idempotencyKey, request: { route: "createApplication", vacancyId: vacancy.id, body } }, async () => {
    const application: Application = {
      id: newId(),
      vacancyId: vacancy.id,
      schoolId: vacancy.schoolId,
      candidateId: user.id,
      ...(user.schoolId ? { candidateSchoolId: user.schoolId } : {}),
      claims: checked.answers,
      status: "draft",
      createdAt: now.toISOString(),
    };
    const items = [vacancyAcceptsApplications(vacancy.id, now.toISOString()), ...putNewApplication(application)];
    return {
      caseId: vacancy.id,
      audit: { actor: user.id, action: "application.created", data: { applicationId: application.id } },
      items,
      response: { status: 201, body: application },
      onConflict: (index) => new AppError(index === 0 ? "applications_closed" : "application_exists"),
    };
  });
  return { status: result.status, body: result.body };
});
