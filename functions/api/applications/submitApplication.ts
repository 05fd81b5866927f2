import { routes } from "../../routes.ts";
import { listDocuments } from "../../adapters/dynamo/applicationRecords.ts";
import { REQUIRED_COMPETITION_DOCUMENT_KINDS } from "../../domain/documents/documentRules.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { assertRequiredDocumentsConfirmed } from "../documents/requiredDocuments.ts";
import { changeBeforeDeadline, ownApplication } from "./applicationAccess.ts";

export const handler = httpHandler(routes.submitApplication, async ({ user, params, language }) => {
  const application = await ownApplication(user, params.id);
  if (application.status === "submitted") return { body: { id: application.id, status: "submitted", submittedAt: application.submittedAt } };
  if (application.status !== "draft") throw new AppError("invalid_state", `The application is ${application.status}`);
  assertRequiredDocumentsConfirmed(await listDocuments(application.id), REQUIRED_COMPETITION_DOCUMENT_KINDS, language);
  const now = new Date();
  const submittedAt = now.toISOString();
  await changeBeforeDeadline(user, application, "application.submitted", ["draft"], { status: "submitted", submittedAt }, now);
  return { body: { id: application.id, status: "submitted", submittedAt } };
});
