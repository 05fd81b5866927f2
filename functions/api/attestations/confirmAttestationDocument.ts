import { routes } from "../../routes.ts";
import { getAttestationDocument, updateAttestation, updateAttestationDocument } from "../../adapters/dynamo/attestationRecords.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { confirmDocument } from "../documents/confirmDocument.ts";
import { ownAttestation } from "./attestationAccess.ts";

export const handler = httpHandler(routes.confirmAttestationDocument, async ({ user, params }) => {
  const attestation = await ownAttestation(user, params.id, true);
  if (attestation.status !== "draft") throw new AppError("invalid_state", "Documents can only be confirmed on a draft attestation");
  return confirmDocument({
    user,
    caseId: attestation.id,
    owner: { field: "attestationId", id: attestation.id },
    document: await getAttestationDocument(attestation.id, params.documentId),
    // The portfolio is fixed at submission: touching the draft in the same transaction refuses a late confirmation.
    writes: (spec) => [updateAttestationDocument(attestation.id, params.documentId, spec), updateAttestation(attestation.id, ["draft"], { updatedAt: new Date().toISOString() })],
  });
});
