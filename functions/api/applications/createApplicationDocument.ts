import { routes } from "../../routes.ts";
import { putNewDocument, updateApplication } from "../../adapters/dynamo/applicationRecords.ts";
import { COMPETITION_DOCUMENT_KINDS } from "../../domain/documents/documentRules.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { registerDocument } from "../documents/registerDocument.ts";
import { publicVacancy } from "../vacancies/vacancyAccess.ts";
import { assertBeforeDeadline, ownApplication } from "./applicationAccess.ts";

export const handler = httpHandler(routes.createApplicationDocument, async ({ user, params, body, idempotencyKey }) => {
  const application = await ownApplication(user, params.id);
  if (application.status !== "draft") throw new AppError("invalid_state", "Documents can only be added to a draft application");
  assertBeforeDeadline((await publicVacancy(application.vacancyId)).closesAt, new Date());
  const result = await registerDocument({
    user,
    idempotencyKey,
    route: "createApplicationDocument",
    owner: { kind: "applications", id: application.id, field: "applicationId" },
    caseId: application.vacancyId,
    body,
    kinds: COMPETITION_DOCUMENT_KINDS,
    // Touching the application in the same transaction refuses a document racing a submission.
    writes: (document) => [
      putNewDocument({ ...document, applicationId: application.id }),
      updateApplication(application.id, ["draft"], { updatedAt: document.createdAt }),
    ],
  });
  return { status: result.status, body: result.body };
});
