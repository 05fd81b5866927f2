import { routes } from "../../routes.ts";
import { getDocument, updateApplication, updateDocument } from "../../adapters/dynamo/applicationRecords.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { confirmDocument } from "../documents/confirmDocument.ts";
import { ownApplication } from "./applicationAccess.ts";

export const handler = httpHandler(routes.confirmApplicationDocument, async ({ user, params }) => {
  const application = await ownApplication(user, params.id);
  if (application.status !== "draft") throw new AppError("invalid_state", "Documents can only be confirmed on a draft application");
  return confirmDocument({
    user,
    caseId: application.vacancyId,
    owner: { field: "applicationId", id: application.id },
    document: await getDocument(application.id, params.documentId),
    // Touching the application in the same transaction refuses a confirmation racing the submission.
    writes: (spec) => [updateDocument(application.id, params.documentId, spec), updateApplication(application.id, ["draft"], { updatedAt: new Date().toISOString() })],
  });
});
