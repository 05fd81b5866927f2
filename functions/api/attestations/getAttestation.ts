import { routes } from "../../routes.ts";
import { getAttestation, listAttestationDocuments } from "../../adapters/dynamo/attestationRecords.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { ownerDocuments } from "../documents/ownerDocuments.ts";
import { adminView, isAssignedExpert, isChair, ownerView, panelView } from "./attestationAccess.ts";

export const handler = httpHandler(routes.getAttestation, async ({ user, params }) => {
  const attestation = await getAttestation(params.id);
  if (!attestation) throw new AppError("not_found");
  if (user.roles.includes("admin")) return { body: adminView(attestation) };
  if (user.roles.includes("candidate") && attestation.candidateId === user.id) {
    return { body: { ...ownerView(attestation), documents: await ownerDocuments(await listAttestationDocuments(attestation.id)) } };
  }
  if (isChair(user, attestation)) return { body: panelView(attestation, true) };
  if (await isAssignedExpert(user, attestation)) return { body: panelView(attestation, false) };
  throw new AppError("not_found");
});
