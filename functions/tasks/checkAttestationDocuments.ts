import * as z from "zod/mini";
import { listAttestationDocuments, updateAttestation, updateAttestationDocument, updateAttestationWhere } from "../adapters/dynamo/attestationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { when } from "../adapters/dynamo/updates.ts";
import { attestationIneligibilityTexts, decideEligibility, ineligibilityReason } from "../domain/competition/documentCheck.ts";
import type { Attestation } from "../domain/attestation/records.ts";
import { requiredAttestationDocuments } from "../domain/documents/documentRules.ts";
import { logger } from "../platform/logger.ts";
import { ATTESTATION_ACTOR, requireAttestation } from "./shared/attestationCase.ts";
import { verifyDocuments } from "./shared/documentVerification.ts";
import { failedOn, parseTaskInput, TaskId } from "./shared/taskSupport.ts";

const Input = z.object({ attestationId: TaskId });

type Output = { eligible: boolean; reason?: string };

function recorded(attestation: Attestation): Output {
  return attestation.status === "ineligible" ? { eligible: false, ...(attestation.reason ? { reason: attestation.reason } : {}) } : { eligible: true };
}

/**
 * The qualification check of a submitted portfolio (п.4): every registered document's stored object is
 * verified exactly as a competition application's is (present, declared size and type, real PDF/JPEG/PNG
 * bytes), and the required kinds must be among those that passed. A failure ends the case as ineligible
 * with a reason the teacher can read; a pass is recorded once (checkedAt) and the case goes on to its panel.
 */
export const handler = async (input: unknown): Promise<Output> => {
  const { attestationId } = parseTaskInput("checkAttestationDocuments", Input, input);
  const attestation = await requireAttestation(attestationId);
  // Checked by an earlier run, or further along already (a re-driven execution): the recorded result stands.
  if (attestation.status !== "submitted" || attestation.checkedAt !== undefined) return recorded(attestation);

  const checkedAt = new Date().toISOString();
  const documents = await listAttestationDocuments(attestationId);
  const verdicts = await verifyDocuments(documents, (document, spec) => updateAttestationDocument(attestationId, document.id, spec), checkedAt);
  const decision = decideEligibility(verdicts, requiredAttestationDocuments(attestation.exemption !== undefined));

  const change = decision.eligible
    ? updateAttestationWhere(attestationId, {
        set: { checkedAt, updatedAt: checkedAt },
        condition: when.allOf(when.statusIn(["submitted"]), when.attributeAbsent("checkedAt")),
      })
    : updateAttestation(attestationId, ["submitted"], {
        status: "ineligible",
        checkedAt,
        updatedAt: checkedAt,
        ...ineligibilityReason(decision, attestationIneligibilityTexts),
      });
  try {
    await commitWithAudit(
      attestationId,
      {
        actor: ATTESTATION_ACTOR,
        action: decision.eligible ? "attestation.documents_verified" : "attestation.ineligible",
        data: { documentCount: verdicts.length, ...(decision.eligible ? {} : { reason: decision.code, documentKind: decision.kind }) },
      },
      [change],
    );
  } catch (error) {
    if (!failedOn(error, 0)) throw error;
    return recorded(await requireAttestation(attestationId));
  }
  logger.info("attestation documents checked", {
    task: "checkAttestationDocuments",
    attestationId,
    eligible: decision.eligible,
    reason: decision.eligible ? undefined : decision.code,
  });
  return decision.eligible ? { eligible: true } : { eligible: false, reason: decision.code };
};
