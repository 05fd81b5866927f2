import { routes } from "../../routes.ts";
import { putNewDocument, updateApplication } from "../../adapters/dynamo/applicationRecords.ts";
import { newId } from "../../adapters/ids.ts";
import { presignUpload } from "../../adapters/s3/documentsBucket.ts";
import type { DocumentRecord } from "../../domain/competition/records.ts";
import { isAllowedContentType, isCompetitionDocumentKind, normalizeContentType } from "../../domain/documents/documentRules.ts";
import { config } from "../../platform/config.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { createIdempotently } from "../idempotentCreate.ts";
import { publicVacancy } from "../vacancies/vacancyAccess.ts";
import { assertBeforeDeadline, ownApplication } from "./applicationAccess.ts";

export const handler = httpHandler(routes.createApplicationDocument, async ({ user, params, body, idempotencyKey }) => {
  const application = await ownApplication(user, params.id);
  if (application.status !== "draft") throw new AppError("invalid_state", "Documents can only be added to a draft application");
  assertBeforeDeadline((await publicVacancy(application.vacancyId)).closesAt, new Date());
  if (!isCompetitionDocumentKind(body.kind)) throw new AppError("document_kind_not_allowed", `Unknown document kind "${body.kind}"`);
  const contentType = normalizeContentType(body.contentType);
  if (!isAllowedContentType(contentType)) throw new AppError("unsupported_content_type");
  if (body.size > config.maxDocumentBytes()) throw new AppError("file_too_large", `At most ${config.maxDocumentBytes()} bytes`);
  if (body.size === 0) throw new AppError("validation_failed", undefined, [{ path: "body.size", code: "too_small", message: "The file is empty" }]);

  const result = await createIdempotently(
    { userId: user.id, key: idempotencyKey, request: { route: "createApplicationDocument", applicationId: application.id, body } },
    async () => {
      const document: DocumentRecord = {
        id: newId(),
        applicationId: application.id,
        kind: body.kind,
        fileName: body.fileName,
        contentType,
        size: body.size,
        // The server chooses the key: a client can never write over another document or another application.
        key: `applications/${application.id}/${newId()}`,
        status: "pending",
        createdAt: new Date().toISOString(),
      };
      const upload = await presignUpload({ key: document.key, contentType, size: document.size });
      return {
        caseId: application.vacancyId,
        audit: { actor: user.id, action: "document.registered", data: { applicationId: application.id, documentId: document.id, kind: document.kind } },
        // Touching the application in the same transaction refuses a document racing a submission.
        items: [putNewDocument(document), updateApplication(application.id, ["draft"], { updatedAt: document.createdAt })],
        response: { status: 201, body: { documentId: document.id, upload } },
        onConflict: () => new AppError("invalid_state", "The application is no longer a draft"),
      };
    },
  );
  return { status: result.status, body: result.body };
});
