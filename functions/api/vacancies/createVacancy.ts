import { routes } from "../../routes.ts";
import { putNewVacancy, vacancyView } from "../../adapters/dynamo/vacancyRecords.ts";
import { newId } from "../../adapters/ids.ts";
import type { Vacancy } from "../../domain/competition/records.ts";
import { currentRubricId } from "../../domain/rubrics/registry.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { createIdempotently } from "../idempotentCreate.ts";
import { hrSchoolOf } from "./vacancyAccess.ts";

export const handler = httpHandler(routes.createVacancy, async ({ user, body, idempotencyKey }) => {
  const schoolId = hrSchoolOf(user);
  const now = new Date();
  if (Date.parse(body.closesAt) <= now.getTime()) throw new AppError("closes_at_in_past");
  const result = await createIdempotently({ userId: user.id, key: idempotencyKey, request: { route: "createVacancy", body } }, async () => {
    const vacancy: Vacancy = {
      ...body,
      closesAt: new Date(body.closesAt).toISOString(),
      id: newId(),
      schoolId,
      status: "draft",
      // The evaluation sheet in force today is pinned now, so a later rule change never rescores this competition.
      rubricId: currentRubricId(body.kind),
      createdAt: now.toISOString(),
      createdBy: user.id,
    };
    return {
      caseId: vacancy.id,
      audit: { actor: user.id, action: "vacancy.created", data: { rubricId: vacancy.rubricId, closesAt: vacancy.closesAt } },
      items: [putNewVacancy(vacancy)],
      response: { status: 201, body: vacancyView(vacancy) },
      onConflict: () => new AppError("invalid_state"),
    };
  });
  return { status: result.status, body: result.body };
});
