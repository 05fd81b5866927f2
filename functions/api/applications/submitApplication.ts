import { routes } from "../../routes.ts";
import { listDocuments } from "../../adapters/dynamo/applicationRecords.ts";
import { missingRequiredDocuments } from "../../domain/documents/documentRules.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { fieldMessage } from "../../platform/errors/fieldMessages.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { changeBeforeDeadline, ownApplication } from "./applicationAccess.ts";

export const handler = httpHandler(routes.submitApplication, async ({ user, params, language }) => {
  const application = await ownApplication(user, params.id);
  if (application.status === "submitted") return { body: { id: application.id, status: "submitted", submittedAt: application.submittedAt } };
  if (application.status !== "draft") throw new AppError("invalid_state", `The application is ${application.status}`);
  const missing = missingRequiredDocuments((await listDocuments(application.id)).map((document) => document.kind));
  if (missing.length > 0) {
    throw new AppError(
      "required_document_missing",
      `Missing: ${missing.join(", ")}`,
      missing.map((kind) => ({ path: `documents.${kind}`, code: "missing_document", message: fieldMessage("missing_document", language, { kind }) })),
    );
  }
  const now = new Date();
  const submittedAt = now.toISOString();
  await changeBeforeDeadline(user, application, "application.submitted", ["draft"], { status: "submitted", submittedAt }, now);
  return { body: { id: application.id, status: "submitted", submittedAt } };
});
