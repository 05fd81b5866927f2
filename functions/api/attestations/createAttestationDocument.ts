import { routes } from "../../routes.ts";
import { putNewAttestationDocument, updateAttestation } from "../../adapters/dynamo/attestationRecords.ts";
import { ATTESTATION_DOCUMENT_KINDS } from "../../domain/documents/documentRules.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { registerDocument } from "../documents/registerDocument.ts";
import { ownAttestation } from "./attestationAccess.ts";

export const handler = httpHandler(routes.createAttestationDocument, async ({ user, params, body, idempotencyKey }) => {
  const attestation = await ownAttestation(user, params.id);
  if (attestation.status !== "draft") throw new AppError("invalid_state", "Documents can only be added to a draft attestation");
  const result = await registerDocument({
    user,
    idempotencyKey,
    route: "createAttestationDocument",
    owner: { kind: "attestations", id: attestation.id, field: "attestationId" },
    caseId: attestation.id,
    body,
    kinds: ATTESTATION_DOCUMENT_KINDS,
    // The portfolio is fixed at submission: touching the draft in the same transaction refuses a late document.
    writes: (document) => [
      putNewAttestationDocument({ ...document, attestationId: attestation.id }),
      updateAttestation(attestation.id, ["draft"], { updatedAt: document.createdAt }),
    ],
  });
  return { status: result.status, body: result.body };
});
