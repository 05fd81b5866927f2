import { routes } from "../../routes.ts";
import { getAttestation } from "../../adapters/dynamo/attestationRecords.ts";
import type { Attestation } from "../../domain/attestation/records.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";

// The decision exists once the commission has voted on it; until then there is nothing to show (404).
const DECIDED: readonly Attestation["status"][] = ["decided", "appealed", "final"];

export const handler = httpHandler(routes.getAttestationDecision, async ({ user, params }) => {
  const attestation = await getAttestation(params.id);
  const mayRead = attestation && (user.roles.includes("admin") || (user.roles.includes("candidate") && attestation.candidateId === user.id));
  if (!attestation || !mayRead || !attestation.decision || !DECIDED.includes(attestation.status)) throw new AppError("not_found");
  const { outcome, grantedCategory, meanScore, threshold, panel, decidedAt, final } = attestation.decision;
  return {
    body: {
      id: attestation.id,
      status: attestation.status,
      outcome,
      grantedCategory,
      meanScore,
      threshold,
      panel,
      decidedAt,
      final,
      ...(attestation.appealDeadline !== undefined ? { appealDeadline: attestation.appealDeadline } : {}),
      ...(attestation.appeal !== undefined ? { appeal: attestation.appeal } : {}),
    },
  };
});
